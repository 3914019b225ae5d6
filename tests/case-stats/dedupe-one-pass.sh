# De-duplication of regular TSV files in one pass (the cases whose id may
# come twice read again at the end) gives exactly what the one-pass table
# of standard input and the two passes over a CSV file give: 3,000 records
# made up here, every 37th a later export of an earlier case (in another
# state, or moved to another community, with or without updated_at), so
# that cases are taken out of their groups again (durations, the longest
# among them).  Also over two files (read again across files), with a BOM
# and CRLF line ends, with a period, and grouped by classified category.
awk 'BEGIN {
	OFS = "\t"
	print "case_id", "reported_at", "closed_at", "status", "community", "satisfaction", "updated_at", "description", "category"
	split("处置中 已办结 已办结 已办结 已退回 作废", st, " ")
	split("楼道堆放杂物 深夜噪音扰民 路灯不亮 小区门口占道经营 其他事情", ds, " ")
	split("- 其他 环境卫生 噪音扰民", ct, " ")
	for (i = 1; i <= 3000; i++) {
		k = (i % 37 == 0 && i > 600) ? i - 500 : i
		d = 1 + k % 28; h = 8 + k % 9
		s = st[1 + (i * 7) % 6]
		c = (s == "已办结") ? sprintf("2024-%02d-%02d %02d:%02d:00", 1 + k % 6, d, h + 1 + i % 7, (i * 13) % 60) : ""
		u = (i % 3 == 0) ? "" : sprintf("2024-07-%02d 10:00:00", 1 + i % 28)
		print sprintf("P%05d", k), sprintf("2024-%02d-%02d %02d:00:00", 1 + k % 6, d, h), c, s, "社区" (i % 5), (i % 3 ? "满意" : "不满意"), u, ds[1 + i % 5], (i % 4 ? ct[1 + i % 4] : "")
	}
}' > "$TMP/c.tsv"
echo "duplicates: $(awk -F'\t' 'NR > 1 && seen[$1]++' "$TMP/c.tsv" | wc -l)"
A='--as-of 2024-08-01 -b community --total'
run() { # name, args...: the figures into $TMP/name.out, messages kept
	n=$1; shift
	case-stats "$@" > "$TMP/$n.out" 2> "$TMP/$n.err"
	echo "$n: exit $?, $(cat "$TMP/$n.err")"
}
same() { # a b
	if cmp -s "$TMP/$1.out" "$TMP/$2.out"; then echo "$2: as $1"; else echo "$2: DIFFERS from $1"; fi
}
zhili-cat -o csv "$TMP/c.tsv" > "$TMP/c.csv" || echo "zhili-cat: exit $?"
head -n 1501 "$TMP/c.tsv" > "$TMP/a.tsv"
{ head -n 1 "$TMP/c.tsv"; tail -n +1502 "$TMP/c.tsv"; } > "$TMP/b.tsv"
{ printf '\357\273\277'; sed 's/$/\r/' "$TMP/c.tsv"; } > "$TMP/crlf.tsv"
run file $A "$TMP/c.tsv"
run stdin $A < "$TMP/c.tsv"
run csv $A "$TMP/c.csv"
run files $A "$TMP/a.tsv" "$TMP/b.tsv"
run crlf $A "$TMP/crlf.tsv"
same stdin file; same stdin csv; same stdin files; same stdin crlf
run none --no-dedupe $A "$TMP/c.tsv"
echo "no-dedupe: $(grep ^total "$TMP/none.out" | cut -f 1-2)"
B='--as-of 2024-08-01 --from 2024-03-01 --to 2024-04-30 -b category --classify'
run month-file $B "$TMP/c.tsv"
run month-stdin $B < "$TMP/c.tsv"
same month-stdin month-file
cat "$TMP/file.out"
