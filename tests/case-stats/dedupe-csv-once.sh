# CSV is read once (the cases that may come twice noted compactly as they
# came, not read again): 2,000 cases made up here as CSV with CRLF line
# ends, descriptions quoted with commas, doubled quotes and line breaks in
# them, every 23rd record after the 300th a later export of an earlier
# case (its id quoted; in another state, another community, or both), a
# few exported three times.  De-duplicated from the CSV, from the same
# CSV in GBK, from standard input and from the TSV zhili-cat makes of it
# (read again by position), the figures are those of --no-dedupe over the
# latest record of each case, chosen here by awk (updated_at, later in
# each export).
cd "$TMP" || exit 1
awk 'BEGIN {
	printf "case_id,reported_at,closed_at,status,community,updated_at,description\r\n"
	split("处置中 已办结 已办结 已退回 作废 已办结", st, " ")
	for (i = 1; i <= 2000; i++) {
		k = (i % 23 == 0 && i > 300) ? i - 250 : i
		if (i % 161 == 0) k = 50 + i % 7
		s = st[1 + (i * 5) % 6]
		d = 1 + k % 28; h = 8 + k % 9
		c = (s == "已办结") ? sprintf("2024-05-%02d %02d:%02d:00", d, h + 1 + i % 5, (i * 17) % 60) : ""
		id = sprintf("Q%05d", k)
		if (k != i) id = "\"" id "\""
		desc = "\"楼道" i "号,堆放\"\"杂物\"\"\n第二行\""
		if (i % 3) desc = "路灯" i
		printf "%s,2024-05-%02d %02d:00:00,%s,%s,社区%d,2024-07-01 %02d:%02d:%02d,%s\r\n", id, d, h, c, s, i % 4, int(i / 3600), int(i / 60) % 60, i % 60, desc
	}
}' > c.csv
# the latest record of each case: the last line of its id (updated_at
# grows with the line), the records made whole again first
awk 'BEGIN { RS = "\r\n" } NR == 1 { print; next }
{ line = $0; id = $0; sub(/,.*/, "", id); gsub(/"/, "", id); last[id] = line; order[++n] = id }
END { for (i = 1; i <= n; i++) if (!done[order[i]]++) print last[order[i]] }' "c.csv" > "latest.csv"
iconv -f UTF-8 -t GBK "c.csv" > "gbk.csv" || echo "iconv: exit $?"
zhili-cat -o tsv "c.csv" > "c.tsv" || echo "zhili-cat: exit $?"
A='--as-of 2024-08-01 -b community --total -m total,closed,open,returned,cancelled,hours_mean,hours_median,hours_p90,hours_max'
run() { # name, args...: the figures into name.out, messages kept
	n=$1; shift
	case-stats "$@" > "$n.out" 2> "$n.err"
	echo "$n: exit $?, $(cat "$n.err")"
}
same() { # a b
	if cmp -s "$1.out" "$2.out"; then echo "$2: as $1"; else echo "$2: DIFFERS from $1"; fi
}
echo "records: $(grep -c '^"*Q' "c.csv"), cases: $(grep -c '^"*Q' "latest.csv")"
run latest --no-dedupe $A "latest.csv"
run csv $A "c.csv"
run gbk $A "gbk.csv"
run stdin $A < "c.csv"
run tsv $A "c.tsv"
same latest csv; same latest gbk; same latest stdin; same latest tsv
cat "csv.out"
