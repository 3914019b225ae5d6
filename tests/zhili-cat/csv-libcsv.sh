# The CSV reader's fast path (lib/rd_csvscan.c) and libcsv alone
# ($ZHILI_CSV_LIBCSV) read every test input alike, as CSV: the same
# records, messages, rejected records and exit status.  Every CSV file of
# tests/ and examples/, each golden test's stdin, the fuzz corpora; the
# case exports through case-stats too (title rows, aliases).
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
find "$top/tests" "$top/examples" -type f \
	\( -name '*.csv' -o -name '*.in' -o -path '*/fuzz/corpus/fuzz_csv*' \
	-o -path '*/fuzz/corpus/fuzz_rd/*' \) | LC_ALL=C sort > "$TMP/files"
while IFS= read -r f; do
	both a "$f"
	ZHILI_CSV_LIBCSV=1 both b "$f"
	if ! cmp -s "$TMP/outa" "$TMP/outb" || ! cmp -s "$TMP/erra" "$TMP/errb"
	then
		echo "differs: ${f#"$top"/}"
		diff "$TMP/outa" "$TMP/outb" | head -n 5
		diff "$TMP/erra" "$TMP/errb" | head -n 5
	fi
	n=$((n + 1))
done < "$TMP/files"
[ "$n" -ge 200 ] && echo "at least 200 inputs read both ways"
