# -o xlsx (openpyxl reads it): the amounts as numbers with two decimals
# (negative ones too), the pay level General, the worker IDs and the
# month (2024-01, no date) text.
worker-salary -o xlsx data/clamp.tsv > "$TMP/p.xlsx"; echo "exit $?"
../tools/xlsx-dump "$TMP/p.xlsx" | awk '$1 ~ /^(dimensions|freeze|bold|[A-Z]+[12])$/'
