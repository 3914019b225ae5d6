# The TSV reader's TAB scans (lib/rd_tsv.c: AVX-512 with the line end in
# the same pass, its offsets taken with VBMI2 or without, AVX2, SSE2, C;
# $ZHILI_TSV_SCAN) read every TSV input alike: the same records (as
# JSON, which shows each field as read), messages, rejected records and
# exit status.  Every TSV file of tests/ and examples/ and the fuzz
# corpus of the reader, and inputs made here: TABs and escapes at each
# offset of a 64-byte block, CRLF, lines across the buffer's refills, no
# LF at the end, blank lines, 10000 fields and more.
top=$(cd ../.. && pwd)
n=0
awk 'BEGIN {
	print "a\tb\tc"
	for (i = 0; i < 200; i++) {
		s = sprintf("%*s", i, "")
		gsub(/ /, "x", s)
		printf "%s\t%s\\\\t\t%d\n", s, substr(s, 1, i % 70), i
		printf "%d\t\t%s\r\n", i, s
		printf "\n"
	}
	s = "0123456789abcdefghij"
	while (length(s) < 400000)
		s = s s
	for (i = 0; i < 6; i++)
		printf "%s\t%d\t%s\n", substr(s, 1, 70000 * i + i), i, "y"
	for (i = 0; i < 9999; i++)
		printf "x\t"
	print "x"
	for (i = 0; i < 10000; i++)
		printf "\t"
	print ""
	printf "last\tno\tLF"
}' > "$TMP/made.tsv"
{ echo "$TMP/made.tsv"
find "$top/tests" "$top/examples" -type f \( -name '*.tsv' \
	-o -path '*/fuzz/corpus/fuzz_rd/*' \) | LC_ALL=C sort; } > "$TMP/files"
while IFS= read -r f; do
	for s in best avx512 avx2 sse2 scalar; do
		if [ $s = best ]; then
			unset ZHILI_TSV_SCAN
		else
			ZHILI_TSV_SCAN=$s && export ZHILI_TSV_SCAN
		fi
		zhili-cat --tsv -o json --verbose --reject "$TMP/rej" "$f" \
			> "$TMP/out.$s" 2> "$TMP/err.$s"
		echo "exit $?" >> "$TMP/out.$s"
		cat "$TMP/rej" >> "$TMP/out.$s" 2>/dev/null
		rm -f "$TMP/rej"
		if [ $s != best ] && { ! cmp -s "$TMP/out.best" "$TMP/out.$s" ||
		    ! cmp -s "$TMP/err.best" "$TMP/err.$s"; }; then
			echo "differs ($s): ${f#"$top"/}"
			diff "$TMP/out.best" "$TMP/out.$s" | cut -c 1-200 | head -n 5
		fi
	done
	n=$((n + 1))
done < "$TMP/files"
[ "$n" -ge 50 ] && echo "at least 50 inputs read five ways"
