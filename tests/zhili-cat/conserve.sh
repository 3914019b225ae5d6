# Nothing lost: two generated inputs, CSV and TSV in another column order,
# 10,000 records each with a known mix of bad ones (a wrong field count,
# broken CSV quoting, an invalid UTF-8 byte, a carriage return in an
# unquoted field, a bad TSV escape is no error).  The generator counts
# what it made; zhili-cat must agree: records in = out + rejected, and
# the reject file (one header, CSV: the first rejection's format) reads
# back through zhili-cat with every record.
cd "$TMP" || exit
awk 'BEGIN {
	print "id,name,note" > "a.csv"
	print "note\tid\tname" > "b.tsv"
	for (i = 1; i <= 10000; i++) {
		n = "名" i; t = "备注" i % 7
		if (i % 97 == 0) { t = t ",多余"; bad++ }
		else if (i % 89 == 0) { n = "a\"b"; bad++ }
		else if (i % 83 == 0) { n = "名\377"; bad++ }
		else if (i % 79 == 0) { t = "x\ry"; bad++ }
		else if (i % 7 == 0) { n = "\"" n ",引号\"" }
		print i "," n "," t > "a.csv"
		m = "名" i; u = "备注" i % 5
		if (i % 61 == 0) { u = u "\t多余"; bad++ }
		else if (i % 59 == 0) { m = "名\376"; bad++ }
		else if (i % 53 == 0) { m = m "\t"; bad++ } # 4 fields
		print u "\t" i "\t" m > "b.tsv"
	}
	printf "made: in 20000, bad %d\n", bad
}'
zhili-cat --reject rej.csv a.csv b.tsv > out.tsv 2> err
echo "exit $?"
grep -v ': [ab]\.[ct]sv:' err
out=$(($(grep -c '' out.tsv) - 1))
rej=$(sed -n 's/.* \([0-9]*\) of [0-9]* records rejected.*/\1/p' err)
echo "in 20000 = out $out + rejected $rej: $((out + rej))"
echo "== read back"
zhili-cat rej.csv > back.tsv
echo "exit $?"
echo "$(($(grep -c '' back.tsv) - 1)) records, the header: $(head -n 1 back.tsv)"
