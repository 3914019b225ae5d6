# Title rows above the headers: two in the roster (TSV), one in the month's
# items (CSV); each said once, the payslips those of the files without
# them.
worker-salary --summary --total data/title-roster.tsv data/title-items.csv
worker-salary data/title-roster.tsv data/title-items.csv 2>/dev/null > "$TMP/a"
worker-salary data/roster.tsv data/items.csv 2>/dev/null > "$TMP/b"
cmp "$TMP/a" "$TMP/b" && echo "the same as without the title rows"
