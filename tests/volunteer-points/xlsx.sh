# -o xlsx (openpyxl reads it): the ledger's dates as Excel dates, hours
# and points as numbers with two decimals, the IDs and names text.
volunteer-points --as-of 2025-12-31 --report ledger -o xlsx data/aliases-s.csv data/aliases-s2.csv data/aliases-r.csv data/aliases-r2.csv > "$TMP/l.xlsx"
echo "exit $?"
../tools/xlsx-dump "$TMP/l.xlsx"
