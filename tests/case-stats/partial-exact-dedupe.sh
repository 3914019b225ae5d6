# --partial --exact with de-duplication in one pass: a case seen twice
# counts once, in its latest state, and its duration is that state's, the
# same whether the cases are found again by position (a TSV file) or noted
# as they came (CSV, standard input, a pipe).  The durations (ascending,
# as differences) checked against those of --records, an independent
# path (every case kept to the end); merged, the same as one pass.
cs() {
	case-stats --as-of 2024-06-01 -b community "$@" 2>/dev/null
}
for f in data/dup.tsv data/dup.csv; do
	cs --partial --exact $f > "$TMP/file"
	cs --partial --exact < $f > "$TMP/stdin"
	cat $f | cs --partial --exact > "$TMP/pipe"
	cmp "$TMP/file" "$TMP/stdin" && cmp "$TMP/file" "$TMP/pipe" &&
		echo "$f: a file, standard input and a pipe the same"
	cat "$TMP/file"
	# the durations of the cases --records keeps, by community, ascending
	cs --records $f |
		awk -F '\t' 'NR > 1 && $7 == "closed" { print $6 "\t" $8 * 3600 }' |
		sort -k1,1 -k2,2n | awk -F '\t' '
		$1 != c { if (c != "") print c ": " s; c = $1; s = ""; p = 0 }
		{ s = s (s == "" ? "" : ";") ($2 - p); p = $2 }
		END { print c ": " s }' > "$TMP/records"
	awk -F '\t' 'NR > 1 { print $1 ": " $14 }' "$TMP/file" |
		cmp - "$TMP/records" && echo "$f: the durations of --records"
	case-stats --merge "$TMP/file" > "$TMP/merged"
	cs $f | cmp - "$TMP/merged" && echo "$f: merged, the same as one pass"
done
cat "$TMP/merged"
