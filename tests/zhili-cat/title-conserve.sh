# Nothing lost under title rows: conserve.sh's two inputs, CSV and TSV in
# another column order, each with its own title rows (one in the CSV, two
# in the TSV, a blank line between): records in = out + rejected, title
# rows neither; the reject file has the header (the CSV's) and the
# rejected records only, and reads back whole.
cd "$TMP" || exit
awk 'BEGIN {
	print "双滦慧办 案件导出,," > "a.csv"
	print "case_id,community,description" > "a.csv"
	print "双滦慧办 案件导出" > "b.tsv"
	print "" > "b.tsv"
	print "2024年3月\t\t" > "b.tsv"
	print "description\tcase_id\tcommunity" > "b.tsv"
	for (i = 1; i <= 10000; i++) {
		n = "社区" i; t = "描述" i % 7
		if (i % 97 == 0) { t = t ",多余"; bad++ }
		else if (i % 89 == 0) { n = "a\"b"; bad++ }
		else if (i % 83 == 0) { n = "社区\377"; bad++ }
		else if (i % 79 == 0) { t = "x\ry"; bad++ }
		else if (i % 7 == 0) { n = "\"" n ",引号\"" }
		print i "," n "," t > "a.csv"
		m = "社区" i; u = "描述" i % 5
		if (i % 61 == 0) { u = u "\t多余"; bad++ }
		else if (i % 59 == 0) { m = "社区\376"; bad++ }
		else if (i % 53 == 0) { m = m "\t"; bad++ } # 4 fields
		print u "\t" i "\t" m > "b.tsv"
	}
	printf "made: in 20000, bad %d\n", bad
}'
zhili-cat --reject rej.csv a.csv b.tsv > out.tsv 2> err
echo "exit $?"
grep -v ': [ab]\.[ct]sv:[0-9]' err
out=$(($(grep -c '' out.tsv) - 1))
rej=$(sed -n 's/.* \([0-9]*\) of [0-9]* records rejected.*/\1/p' err)
echo "in 20000 = out $out + rejected $rej: $((out + rej))"
echo "the output's header: $(head -n 1 out.tsv)"
echo "== the reject file"
head -n 1 rej.csv
zhili-cat rej.csv > back.tsv
echo "exit $?"
echo "$(($(grep -c '' back.tsv) - 1)) records read back"
