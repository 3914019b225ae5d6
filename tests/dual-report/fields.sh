# Files without the fields their kind needs: exit 3 naming the file and
# what it lacks.  Activities (a date) naming neither member_id nor unit;
# members (member_id) without unit and community; a file of none of the
# three kinds.
printf 'date,activity\n2025-01-01,x\n' > "$TMP/a.csv"
printf 'member_id,name\nM1,张三\n' > "$TMP/m.csv"
printf 'unit,phone\n甲,1\n' > "$TMP/u.csv"
for f in a m u; do
	dual-report "$TMP/$f.csv" 2> "$TMP/err"
	echo "exit $?"
	sed "s|$TMP/||" "$TMP/err"
done
# An empty file and a file of only a header are said to be so; the
# reports are empty.
: > "$TMP/empty.csv"
printf 'member_id,unit,community\n' > "$TMP/header.csv"
dual-report "$TMP/empty.csv" "$TMP/header.csv" 2>&1 | sed "s|$TMP/||"
# Chinese titles and aliases: 党员编号, 姓名 (member_name), 所在单位,
# 居住社区, 所属街道, 报到日期, 列入名册时间, 手机号; 活动日期,
# 活动名称, 时长, 办实事数; a column "name" is a name too.
printf '党员编号,姓名,所在单位,居住社区,所属街道,报到日期,列入名册时间,手机号\nZ1,张三,甲单位,东社区,东街道,2025年1月2日,2025-01-01,13812345678\n' > "$TMP/zm.csv"
printf '活动日期,党员编号,活动名称,时长,办实事数\n2025/1/3,Z1,走访,1.5小时,2\n' > "$TMP/za.csv"
printf 'member_id,name,unit,community\nZ2,李四,甲单位,\n' > "$TMP/zn.csv"
dual-report --report members --zh "$TMP/zm.csv" "$TMP/za.csv" "$TMP/zn.csv"
