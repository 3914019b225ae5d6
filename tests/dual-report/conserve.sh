# Nothing lost: generated members, units and activities with a known mix;
# records in = used + left out + rejected + merged, the rejected read back
# from the --reject file, the merged and left out from stderr, the used
# from the reports' totals (every member counts: no listed_at; every
# units row is registered with a community).  U0 is excluded.
# Members (200): every 37th has no unit (rejected); every 41st repeats
# the row before (merged, or rejected with it); every 43rd repeats the id
# before with another registered_at (rejected).  Units: U0..U5, U1 twice
# (merged), one with projects x (rejected).  Activities (1000): every
# 61st has 25 hours, every 67th an unknown member (rejected); every 50th
# repeats the row before (merged, or rejected with it); every 10th is a
# unit's own; those of U0 and its members are left out.
cd "$TMP" || exit
printf 'dual-report:\n  exclude-units: [U0]\n' > x.yaml
awk 'BEGIN {
	print "member_id,unit,community,registered_at" > "m.csv"
	for (i = 1; i <= 200; i++) {
		id = "P" i; u = "U" (i % 5); row = id "," u ",C" (i % 3) ",2025-01-01"
		if (i % 37 == 0) { row = id ",,C1,2025-01-01"; rej++ }
		else if (i % 41 == 0) { row = last; if (lastbad) rej++; else mer++ }
		else if (i % 43 == 0) { row = lastid "," lastu ",C0,2025-01-02"; rej++ }
		else { ok[id] = u; if (u == "U0") left++; else used++; lastid = id; lastu = u }
		print row > "m.csv"
		lastbad = (i % 37 == 0) || (i % 43 == 0) || (i % 41 == 0 && lastbad)
		last = row
	}
	print "unit,community,registered_at,projects" > "u.csv"
	for (k = 0; k <= 5; k++) { print "U" k ",C0,2025-01-01," k > "u.csv"; if (k == 0) left++; else used++ }
	print "U1,C0,2025-01-01,1" > "u.csv"; mer++
	print "U6,C0,2025-01-01,x" > "u.csv"; rej++
	print "date,member_id,unit,activity,hours" > "a.csv"
	for (i = 1; i <= 1000; i++) {
		d = sprintf("2025-01-%02d", i % 28 + 1); m = "P" (i % 200 + 1)
		h = i % 61 == 0 ? 25 : 1
		row = d "," m ",,A" (i % 7) "," h; who = m
		if (i % 10 == 0) { row = d ",,U" (i % 6) ",B" i "," h; who = "U" (i % 6) }
		if (i % 61 == 0) bad = 1
		else if (i % 67 == 0) { row = d ",X" i ",,A1,1"; bad = 1 }
		else if (i % 50 == 0) { row = last; bad = lastbad }
		else bad = !(who ~ /^U/) && !(who in ok)
		if (i % 50 == 0 && i % 61 != 0 && i % 67 != 0) { if (bad) rej++; else mer++ }
		else if (bad) rej++
		else if (who == "U0" || ok[who] == "U0") left++
		else used++
		print row > "a.csv"; last = row; lastbad = bad
	}
	printf "made: in 1208, used %d, left out %d, rejected %d, merged %d\n", used, left, rej, mer
}'
dual-report -c x.yaml --max-rejected 100% --total --reject rej.csv m.csv u.csv a.csv > units.tsv 2> err
echo "exit $?"
dual-report -c x.yaml --max-rejected 100% --report communities --total m.csv u.csv a.csv > comm.tsv 2>/dev/null
members=$(tail -n 1 units.tsv | cut -f 2)
acts=$(tail -n 1 units.tsv | cut -f 8)
units=$(tail -n 1 comm.tsv | cut -f 3)
rej=$(($(grep -c '' rej.csv) - 1))
mer=$(sed -n 's/.* \([0-9]*\) duplicate .* merged .*/\1/p' err | awk '{ n += $1 } END { print n + 0 }')
left=$(sed -n 's/.* \([0-9]*\) records\{0,1\} of excluded units left out/\1/p' err)
used=$((members + units + acts))
echo "in $(($(grep -c '' m.csv) + $(grep -c '' u.csv) + $(grep -c '' a.csv) - 3)) = used $used ($members members, $units units, $acts activities) + left out $left + rejected $rej + merged $mer: $((used + left + rej + mer))"
grep 'records rejected' err
