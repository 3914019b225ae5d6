# Nothing lost: 2,000 generated service records and 300 redemptions with a
# known mix.  Services: every 97th has 25 hours, every 89th an impossible
# date, every 83rd an unknown kind (rejected); every 7th of the others is
# unverified (used, earns nothing); every 40th repeats the record before it
# (merged).  Redemptions of 1 point (applied), but every 31st asks 99999
# (more than the balance), every 37th is by X9, who has no service, and
# every 41st asks 1.234 points (rejected).  The generator counts what it
# made; volunteer-points must agree: records in = services used (the earn
# events of the ledger and the unverified) + redemptions applied (its
# redeem events) + rejected + merged; the reject file holds the rejected.
# Hand count: services rejected 20 + 22 + 24 = 66, redemptions 9 + 8 + 7
# = 24; merged 42; unverified 270; so 2000 - 66 - 42 - 270 = 1622 earn
# events and 300 - 24 = 276 redeem events.
cd "$TMP" || exit
awk 'BEGIN {
	print "volunteer_id,date,hours,kind,project,verified" > "s.csv"
	print "volunteer_id,date,points,item" > "r.csv"
	for (i = 1; i <= 2000; i++) {
		id = "V" (i % 50); d = sprintf("2025-01-%02d", int(i / 50) % 28 + 1)
		if (i > 1400) d = sprintf("2025-02-%02d", int(i / 50) % 28 + 1)
		h = 1 + i % 3; k = "日常服务"; v = "已审核"; p = "p" (i % 5)
		if (i % 97 == 0) { h = 25; bad++ }
		else if (i % 89 == 0) { d = "2025-02-30"; bad++ }
		else if (i % 83 == 0) { k = "日常"; bad++ }
		else if (i % 40 == 0 && ok[i - 1]) { print last > "s.csv"; dup++; continue }
		else if (i % 7 == 0) { v = "待审核"; unv++ }
		else ok[i] = 1
		last = id "," d "," h "," k "," p "," v
		print last > "s.csv"
	}
	for (i = 1; i <= 300; i++) {
		id = "V" (i % 50); pt = 1
		if (i % 31 == 0) { pt = 99999; bad++ }
		else if (i % 37 == 0) { id = "X9"; bad++ }
		else if (i % 41 == 0) { pt = "1.234"; bad++ }
		else red++
		printf "%s,2025-12-%02d,%s,毛巾\n", id, i % 28 + 1, pt > "r.csv"
	}
	printf "made: in 2300, rejected %d, merged %d, unverified %d, redemptions applied %d\n", bad, dup, unv, red
	print unv > "unv"
}'
volunteer-points --as-of 2025-12-31 --report ledger --max-rejected 100% --reject rej.csv s.csv r.csv > out.tsv 2> err
echo "exit $?"
grep -v ': [rs].csv:' err
earn=$(grep -c '	earn	' out.tsv)
redeem=$(grep -c '	redeem	' out.tsv)
unv=$(cat unv)
rej=$(sed -n 's/.* \([0-9]*\) of [0-9]* records rejected.*/\1/p' err)
mer=$(sed -n 's/.* \([0-9]*\) duplicate service records\{0,1\} merged.*/\1/p' err)
echo "in 2300 = earn $earn + unverified $unv + redeem $redeem + rejected $rej + merged $mer: $((earn + unv + redeem + rej + mer))"
echo "reject file: $(($(grep -c '' rej.csv) - 1)) records"
# Of the merged, the first 10 are named on standard error, then a count.
echo "merged shown: $(grep -c ': merged: the same service as' err)"
