# Rows rejected in a sheet without a compound column (a field that fills
# down, which the sheet lacks): the rows below a row that could not be
# read whole are rejected until a row gives its street, community and
# grid again; every other row fills down as it would (the fields the
# sheet lacks left empty).  -j 1 and -j 2 alike.
awk -v ROWS=2400 -f ../../bench/gen-roster.awk | awk -F, -v OFS=, '
NR % 700 == 5 { $0 = $0 ",多" }
NR % 149 == 7 { $11 = "1380013" }
NR % 73 == 9 { $8 = "1号楼" }
{ print }' | cut -d, -f1-6,8- > "$TMP/r.csv"
for j in 1 2; do
	grid-import -j $j --max-rejected 100% --reject "$TMP/rej$j.csv" \
	    "$TMP/r.csv" > "$TMP/out$j" 2> "$TMP/err$j"
	echo "exit $?"
done
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
	cmp "$TMP/rej1.csv" "$TMP/rej2.csv"
cut -f 1 "$TMP/out1" | sort | uniq -c
sed "s|$TMP/||g" "$TMP/err1"
grid-import --max-rejected 100% --check "$TMP/r.csv" 2> /dev/null |
    cut -f 2,3,7 | sort -n | uniq -c | head -n 8
