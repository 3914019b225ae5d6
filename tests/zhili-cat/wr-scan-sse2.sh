# The writers' SSE2 scans where the processor has AVX-512 ($ZHILI_WR_SCAN,
# lib/README): wr-edges-csv, wr-edges-json and CSV -> TSV give the same
# bytes both ways (where it has none, the same scans twice).
for fmt in csv json tsv; do
	zhili-cat -o $fmt data/wr-edges.tsv > "$TMP/a" || exit
	ZHILI_WR_SCAN=sse2 zhili-cat -o $fmt data/wr-edges.tsv |
		cmp - "$TMP/a" && echo "$fmt: the same"
done
zhili-cat -o csv data/wr-edges.tsv > "$TMP/e.csv" || exit
zhili-cat "$TMP/e.csv" > "$TMP/a" || exit
ZHILI_WR_SCAN=sse2 zhili-cat "$TMP/e.csv" | cmp - "$TMP/a" &&
	echo "csv -> tsv: the same"
