# Duplicate activities found the same whether the activities come day by
# day or not.  In order: D1's 巡逻 of 03-01 read three times (lines 4
# and 6 merged into line 2), D2's once, 己单位's own 巡逻 of 03-01 once
# (a unit, not a member: not D1's); D1's 巡逻 of 03-02 twice (line 8
# merged).  Then the same rows with 03-01 in two runs (03-02's between):
# the same merges (03-02's line 6 into 5).  Used both times: D1 2, D2 1,
# 己单位 1.
printf '%s\n' date,member_id,unit,activity,hours,community \
	2025-03-01,D1,,巡逻,1, 2025-03-01,D2,,巡逻,1, 2025-03-01,D1,,巡逻,2, \
	2025-03-01,,己单位,巡逻,1,东社区 2025-03-01,D1,,巡逻,3, \
	2025-03-02,D1,,巡逻,1, 2025-03-02,D1,,巡逻,2, > "$TMP/day.csv"
printf '%s\n' date,member_id,unit,activity,hours,community \
	2025-03-01,D1,,巡逻,1, 2025-03-01,D2,,巡逻,1, 2025-03-01,D1,,巡逻,2, \
	2025-03-02,D1,,巡逻,1, 2025-03-02,D1,,巡逻,2, \
	2025-03-01,,己单位,巡逻,1,东社区 2025-03-01,D1,,巡逻,3, > "$TMP/mixed.csv"
for f in day mixed; do
	dual-report --total data/dup-m2.csv "$TMP/$f.csv" 2>&1 | sed "s|$TMP/||g"
done
