# The CSV reader's fast path (lib/rd_csvscan.c) and libcsv alone
# ($ZHILI_CSV_LIBCSV) read every test input alike, as CSV: the same
# records, messages, rejected records and exit status (the fast path's
# five scanners, $ZHILI_CSV_SCAN, each for a fifth of the inputs).  Every CSV file of
# tests/ and examples/, each golden test's stdin, the fuzz corpora; the
# case exports through case-stats too (title rows, aliases); and inputs
# made here, for what the files have not: records across the buffer's
# refills, fields at and over the size limit (1 MiB), more than 10000
# fields.
top=$(cd ../.. && pwd)
n=0
both() {
	zhili-cat --csv --verbose --reject "$TMP/rej$1" "$2" \
		> "$TMP/out$1" 2> "$TMP/err$1"
	echo "exit $?" >> "$TMP/out$1"
	cat "$TMP/rej$1" >> "$TMP/out$1" 2>/dev/null
	rm -f "$TMP/rej$1"
	case $2 in */cases*.csv | */case-stats/*.csv)
		case-stats --csv --records --verbose "$2" \
			>> "$TMP/out$1" 2>> "$TMP/err$1"
		echo "exit $?" >> "$TMP/out$1" ;;
	esac
}
awk 'BEGIN {
	s = "0123456789\"\"abcdefghij,klmnopqrstuvwxyz\r\n"
	while (length(s) < 300000)
		s = s s
	print "id,text"
	for (i = 0; i < 8; i++)
		printf "%d,\"%s\"\n", i, substr(s, 1, 100000 * i + i)
}' > "$TMP/long.csv"
awk 'BEGIN {
	s = "x"
	while (length(s) < 1048576)
		s = s s
	print "a,b"
	printf "1,%s\n", s
	printf "2,%sy\n", s
	printf "3,\"%s\"\n", s
	printf "4,\"%sy\"\n", s
	printf "5,\"\"\"%s\"\n", substr(s, 2)
	printf "6,%s\n", substr(s, 2)
	for (i = 0; i < 10000; i++)
		printf ","
	print ""
	for (i = 0; i < 9999; i++)
		printf "x,"
	print "\"x\""
	print "7,\"end"
}' > "$TMP/limits.csv"
{ ls "$TMP"/*.csv
find "$top/tests" "$top/examples" -type f \
	\( -name '*.csv' -o -name '*.in' -o -path '*/fuzz/corpus/fuzz_csv*' \
	-o -path '*/fuzz/corpus/fuzz_rd/*' \) | LC_ALL=C sort; } > "$TMP/files"
while IFS= read -r f; do
	# the fast path's scanners in turn (the processor's best, AVX2, SSE2,
	# C, AVX-512 without the TSV line)
	case $((n % 5)) in
	0) unset ZHILI_CSV_SCAN ;;
	1) ZHILI_CSV_SCAN=avx2 && export ZHILI_CSV_SCAN ;;
	2) ZHILI_CSV_SCAN=sse2 && export ZHILI_CSV_SCAN ;;
	3) ZHILI_CSV_SCAN=scalar && export ZHILI_CSV_SCAN ;;
	4) ZHILI_CSV_SCAN=avx512 && export ZHILI_CSV_SCAN ;;
	esac
	both a "$f"
	ZHILI_CSV_LIBCSV=1 both b "$f"
	if ! cmp -s "$TMP/outa" "$TMP/outb" || ! cmp -s "$TMP/erra" "$TMP/errb"
	then
		echo "differs: ${f#"$top"/}"
		diff "$TMP/outa" "$TMP/outb" | cut -c 1-200 | head -n 5
		diff "$TMP/erra" "$TMP/errb" | cut -c 1-200 | head -n 5
	fi
	n=$((n + 1))
done < "$TMP/files"
[ "$n" -ge 200 ] && echo "at least 200 inputs read both ways"
