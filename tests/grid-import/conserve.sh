# Records in = out + rejected + merged on a generated roster of 2,000
# rows: 200 grids of 10 rows, the grid's cells only on its first row
# (merged cells); 1% bad rows (every 200th from row 1 not valid UTF-8,
# from row 155 one cell too many: half of them the first row of a grid),
# and every 250th row a building listed twice.  Each rejected row takes
# the rows below it in its grid with it; no building lands in another
# grid (building G-B is in grid G).  The --reject file reads back
# (through zhili-cat) with as many records as the summary says were
# rejected, each holding what its input row held: the row's cells in the
# header's columns, or the row whole in _raw (an invalid byte shown as
# \xFF, a row of too many cells).
cd "$TMP" || exit 3
awk 'BEGIN {
	print "街道,社区,网格编号,网格长,小区,楼栋,线下楼长,网络楼长,户数"
	for (i = 1; i <= 2000; i++) {
		g = int((i - 1) / 10) + 1; b = (i - 1) % 10 + 1
		if (i % 250 == 0) b = 1
		lead = i % 10 == 1 ? "钢城街道,凤凰社区," g ",甲" g : ",,,"
		bad = i % 200 == 1 ? "\377" : ""
		extra = i % 200 == 155 ? ",多" : ""
		printf "%s,小区%d,%d-%d号楼,乙%s,丙,10%s\n", lead, g, g, b,
		    bad, extra
	}
}' > roster.csv
LC_ALL=C.UTF-8 grid-import --encoding utf-8 --max-rejected 100% \
	--reject rej.csv roster.csv > units 2> err
echo "exit $?"
grep -v '^grid-import: roster.csv:' err
in=$(($(grep -c '' roster.csv) - 1))
out=$(grep -c '^building' units)
rejected=$(sed -n 's/^grid-import: \([0-9]*\) of [0-9]* records rejected$/\1/p' err)
merged=$(sed -n 's/^grid-import: \([0-9]*\) rows merged.*/\1/p' err)
echo "in $in, out $out, rejected $rejected, merged $merged"
[ "$in" -eq $((out + rejected + merged)) ] && echo "in = out + rejected + merged"
awk -F'\t' '$1 == "building" {
	n = split($5, p, "/"); sub(/^网格0*/, "", p[3]); split(p[n], q, "-")
	if (p[3] != q[1]) print "misfiled: " $5
}' units
echo "== the reject file"
zhili-cat rej.csv > back.tsv
echo "exit $?"
LC_ALL=C awk -F'\t' '
NR == FNR { line[FNR] = $0; next }
FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
{	# the input row of the line _error names, as the reject file shows it
	n++
	split($col["_error"], e, ":"); want = line[e[2]]
	gsub(/\377/, "\\\\\\\\xFF", want)
	if ($col["_raw"] != "") got = $col["_raw"]
	else { got = $1; for (i = 2; i < col["_error"]; i++) got = got "," $i }
	if (got == want) same++; else if (bad++ < 3) print "differs: " got
}
END { printf "%d records, %d as the input rows held\n", n, same }' \
	roster.csv back.tsv > held
cat held
[ "$(sed -n 's/ records,.*//p' held)" -eq "$rejected" ] &&
	echo "rejected = the records of the reject file"
