# Nothing lost: 20,000 generated case records with a known mix of bad ones
# (an impossible date, a wrong field count, an invalid UTF-8 byte, an
# unknown status word, broken CSV quoting, a closing time before the
# report) and of second reports of a case (merged).  The generator counts
# what it made; case-stats must agree: records in = out (total) + rejected
# + merged, and the reject file reads back through case-stats (all its
# records rejected again, none lost, nothing unreadable).
cd "$TMP" || exit
awk 'BEGIN {
	print "case_id,reported_at,closed_at,status,community" > "cases.csv"
	for (i = 1; i <= 20000; i++) {
		d = sprintf("2024-%02d-%02d", i % 12 + 1, i % 28 + 1)
		id = "C" i; rep = d " 09:00"; clo = d " 17:00"; st = "已办结"
		com = "社区" (i % 23); tail = ""
		if (i % 97 == 0) { rep = "2024-02-30 09:00"; bad++ }
		else if (i % 89 == 0) { tail = ",多余"; bad++ }
		else if (i % 83 == 0) { com = "社\377区"; bad++ }
		else if (i % 79 == 0) { st = "已结"; bad++ }
		else if (i % 73 == 0) { com = "社\"区"; bad++ }
		else if (i % 71 == 0) { clo = "2023-01-01 09:00"; bad++ }
		else if (i % 50 == 0 && ok[i - 1]) { id = "C" (i - 1); dup++ }
		else ok[i] = 1
		print id "," rep "," clo "," st "," com tail > "cases.csv"
	}
	printf "made: in 20000, bad %d, second reports %d\n", bad, dup
}'
case-stats --max-rejected 100% --reject rej.csv -m total cases.csv > out.tsv 2> err
echo "exit $?"
cat out.tsv
grep -v ': cases.csv:' err
out=$(sed -n 2p out.tsv)
rej=$(sed -n 's/.* \([0-9]*\) of [0-9]* records rejected.*/\1/p' err)
mer=$(sed -n 's/.* \([0-9]*\) duplicate records\{0,1\} merged.*/\1/p' err)
echo "in 20000 = out $out + rejected $rej + merged $mer: $((out + rej + mer))"
echo "reject file: $(($(grep -c '' rej.csv) - 1)) records"
echo "== read back"
case-stats --max-rejected 100% -m total rej.csv 2>&1 > /dev/null | tail -n 1
