# Many input files at once (each is opened on its own, its header read
# first): 40 files of activities, a day each, and the members; it used to
# abort ("internal error: zl_at_end: too many") past 30.
printf 'member_id,unit,community,registered_at\nM1,甲单位,东社区,2025-01-01\n' > "$TMP/m.csv"
i=1
while [ $i -le 40 ]; do
	d=2025-01-$i
	[ $i -gt 31 ] && d=2025-02-$((i - 31))
	printf 'date,member_id,activity,hours\n%s,M1,走访,1\n' $d > "$TMP/a$i.csv"
	i=$((i + 1))
done
cd "$TMP" && dual-report m.csv a*.csv
echo "exit $?"
