# Nothing lost under title rows: conserve.sh with two title rows above the
# header: records in = out (total) + rejected + merged, the title rows
# none of them; the reject file has the header and the rejected records,
# and reads back through case-stats.
cd "$TMP" || exit
awk 'BEGIN {
	print "双滦慧办 案件导出,,,," > "cases.csv"
	print "2024年,,,," > "cases.csv"
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
echo "its header: $(head -n 1 rej.csv)"
echo "== read back"
case-stats --max-rejected 100% -m total rej.csv 2>&1 > /dev/null | tail -n 1
