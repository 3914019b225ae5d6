# The TSV line the CSV reader makes of a record with AVX-512 VBMI2 (its
# fields, quotes off, written as they are): every format written from it
# as from the fields the reader makes without it ($ZHILI_CSV_SCAN=avx512),
# for every CSV file of tests/ and examples/ and records made here (quotes
# in pairs, empty quoted fields, a TAB, a backslash or a CR in quotes,
# CRLF, fields across 64-byte blocks).  Where the processor has no VBMI2,
# the same reader twice.
top=$(cd ../.. && pwd)
awk 'BEGIN {
	split("a|\"\"|,| |\\|x|中文|\t|\r|-1.5|0", t, "|")
	srand(7)
	print "a,b,c,d"
	for (i = 0; i < 400; i++) {
		for (j = 0; j < 4; j++) {
			s = ""
			for (k = int(rand() * 12); k > 0; k--)
				s = s t[1 + int(rand() * 11)]
			if (j == 3 && i % 3 == 0)
				for (k = 0; k < 40; k++)
					s = s "xyz"
			q = s ~ /["\r,]/ || rand() < 0.3
			printf "%s%s%s%s", j ? "," : "", q ? "\"" : "", s,
				q ? "\"" : ""
		}
		printf i % 5 ? "\n" : "\r\n"
	}
}' > "$TMP/made.csv"
{ echo "$TMP/made.csv"
find "$top/tests" "$top/examples" -type f -name '*.csv' | LC_ALL=C sort; } |
while IFS= read -r f; do
	for fmt in tsv csv json; do
		zhili-cat --csv -o $fmt "$f" > "$TMP/a" 2>&1
		ZHILI_CSV_SCAN=avx512 zhili-cat --csv -o $fmt "$f" 2>&1 |
			cmp -s - "$TMP/a" || echo "differs: ${f#"$top"/} -o $fmt"
	done
done
zhili-cat -o json "$TMP/made.csv" | wc -l
