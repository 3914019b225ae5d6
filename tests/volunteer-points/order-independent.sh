# The figures do not depend on the order of the records: one volunteer's
# 300 services (1 h of 日常服务 each, on 300 days: 300.00 h, 3000.00
# points; two stars at 300 h)
# and 10 redemptions of 50 points, read in date order, in reverse (a
# volunteer's records sorted by qsort: past insertion's budget) and
# shuffled, give the same ledger.  With its redemptions read first, too.
gawk 'BEGIN { print "volunteer_id,project,date,hours,kind,verified"
	for (i = 0; i < 300; i++)
		printf "O1,巡逻%d,%s,1,日常服务,已审核\n", i % 7, \
		    strftime("%Y-%m-%d", mktime("2025 01 01 12 00 00") + i * 86400, 1) }' > "$TMP/fwd.csv"
gawk 'BEGIN { print "volunteer_id,date,points,item"
	for (i = 0; i < 10; i++)
		printf "O1,%s,50,大米\n", strftime("%Y-%m-%d", mktime("2025 01 10 12 00 00") + i * 6 * 86400, 1) }' > "$TMP/red.csv"
{ head -1 "$TMP/fwd.csv"; sed 1d "$TMP/fwd.csv" | sort -t, -k3,3r; } > "$TMP/rev.csv"
{ head -1 "$TMP/fwd.csv"; sed 1d "$TMP/fwd.csv" | sort -t, -k2,2 -k3,3r; } > "$TMP/mix.csv"
vp() { volunteer-points --as-of 2025-12-31 --report ledger "$@"; }
vp "$TMP/fwd.csv" "$TMP/red.csv" > "$TMP/a"
vp "$TMP/rev.csv" "$TMP/red.csv" > "$TMP/b"
vp "$TMP/red.csv" "$TMP/mix.csv" > "$TMP/c"
cmp "$TMP/a" "$TMP/b" && cmp "$TMP/a" "$TMP/c" && echo "the same ledger"
volunteer-points --as-of 2025-12-31 "$TMP/rev.csv" "$TMP/red.csv"
