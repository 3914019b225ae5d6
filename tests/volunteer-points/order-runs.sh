# A volunteer's services are put in date order in one pass when they come
# in date order or in two runs of it (a file sorted by date read after
# another), else sorted; those of a volunteer with two on one day go the
# long way (duplicates merged, then by time).  R1: 20 services on
# 2025-01-01..20 read as 11..20 then 1..10 (two runs); R2: as 15..20,
# 8..14, 1..7 (three runs); R3: as R1, and one more on 01-05 10:00 (after
# 01-05's first in the ledger) and a duplicate of 01-12's (merged).  Each
# volunteer's ledger is the same as from the records in date order.
cd "$TMP" || exit
awk 'BEGIN { print "volunteer_id,project,date,hours,kind,verified"
	for (d = 1; d <= 20; d++) for (v = 1; v <= 3; v++)
		printf "R%d,巡逻%d,2025-01-%02d,%d,日常服务,已审核\n", v, d % 3, d, 1 + d % 4
	print "R3,助老,2025-01-05 10:00,1,日常服务,已审核"
	print "R3,巡逻0,2025-01-12,1,日常服务,已审核" }' > sorted.csv
grep -v '^R3,巡逻0,2025-01-12,1,' sorted.csv > s0.csv
{ head -1 s0.csv
  grep -E '^R[13],' s0.csv | awk -F, '$3 >= "2025-01-11"'
  grep -E '^R[13],' s0.csv | awk -F, '$3 < "2025-01-11"'
  grep '^R3,巡逻0,2025-01-12,1,' sorted.csv
  grep '^R2,' s0.csv | awk -F, '$3 >= "2025-01-15"'
  grep '^R2,' s0.csv | awk -F, '$3 >= "2025-01-08" && $3 < "2025-01-15"'
  grep '^R2,' s0.csv | awk -F, '$3 < "2025-01-08"'
} > runs.csv
wc -l < runs.csv
vp() { volunteer-points --as-of 2025-12-31 --report ledger "$@"; }
vp sorted.csv > a 2> a.err
vp runs.csv > b 2> b.err
cmp a b && echo "the same ledger"
cat b.err
grep -c '^R3	.*	earn	' b
