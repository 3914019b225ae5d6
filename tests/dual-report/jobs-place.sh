# -j: each part's activities are read straight into their place in the
# final array, a place estimated from the lines a byte of the file's first
# MiB.  Rows of 15 KB first and last and short ones between, so the
# estimate is far too small for the parts of short rows: such a part
# outgrows its place and goes on in an array of its own, the parts after
# it that are still in place (with activities) are given arrays of their
# own before it is written where they were.  The same bytes as one pass
# with 2, 3, 5 and 8 parts (with 5 and 8, parts after the one that
# outgrew its place hold activities).
. ./jobs.inc
awk -v kind=members -v fmt=csv -f jobs-gen.awk > "$TMP/m.csv"
awk -v kind=acts -v fmt=tsv -v rows=1500 -f jobs-gen.awk > "$TMP/g.tsv"
n=$(wc -l < "$TMP/g.tsv")
awk -F'\t' -v OFS='\t' -v n="$n" '
BEGIN { for (i = 0; i < 1000; i++) long = long "入户走访、" }
NR > 1 && (NR <= 41 || NR > n - 20) && NF >= 4 { $4 = $4 "：" long }
{ print }' "$TMP/g.tsv" > "$TMP/a.tsv"
same --max-rejected 100% --total "$TMP/m.csv" "$TMP/a.tsv"
