# Roster and items in one file, a row per worker and month, give the
# payslips of the two files joined on worker_id (data/roster.tsv and
# data/items.csv, joined here with awk).
awk -F '\t' 'NR == FNR { r[$1] = $0; next }
	{ gsub(/,/, "\t") }
	FNR == 1 { print r["worker_id"] "\t" $0; next }
	{ print r[$1] "\t" $0 }' \
	data/roster.tsv data/items.csv | cut -f 1-12,14- > "$TMP/one.tsv"
worker-salary "$TMP/one.tsv" > "$TMP/one.out"
worker-salary data/roster.tsv data/items.csv > "$TMP/two.out"
cmp "$TMP/one.out" "$TMP/two.out" && echo same
# An items file without worker_id (exit 3).
printf 'month\tperformance\n2024-01\t100\n' | worker-salary
echo "exit $?"
