# Merges.  Members: D1 of data/dup-m1.tsv (trimmed, its phone folded) and
# of data/dup-m2.csv (columns in another order, 20250101 the same day)
# are the same: merged; D2 likewise (no phone in either).  Units:
# 己单位's second row (the time ignored) merged.  Activities: D1's 巡逻 of
# 02-01 at 15:00 (3 h) is the one at 09:00 (2 h): merged, the first read
# counts; 宣传 the same day is another; D2's 巡逻 is D2's; 己单位's own
# second 巡逻 merged, its first (4 h) counted, not one of D1's; D1's 巡逻
# of 02-02 in data/dup-b.csv (another file, read after) merged.  Used:
# D1 3 (巡逻 2 h, 宣传 1 h, 巡逻 1 h), D2 1, 己单位 1: 5 activities, 9.00 h.
dual-report --total data/dup-m1.tsv data/dup-m2.csv data/dup-u.csv data/dup-a.csv data/dup-b.csv
dual-report --report members data/dup-m1.tsv data/dup-m2.csv data/dup-u.csv data/dup-a.csv data/dup-b.csv 2>/dev/null | cut -f 1,5,7,9,10
# More than 10 merged: the first 10 in the order read, then the count
# (all with --verbose).
awk 'BEGIN { print "date,member_id,activity"; for (i = 0; i < 13; i++) print "2025-03-01,D3,值班" }' > "$TMP/many.csv"
dual-report data/dup-m2.csv "$TMP/many.csv" 2>&1 >/dev/null | sed "s|$TMP/||g"
dual-report --verbose data/dup-m2.csv "$TMP/many.csv" 2>&1 >/dev/null | grep -c merged:
