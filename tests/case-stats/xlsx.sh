# -o xlsx (openpyxl reads it): the figures as numbers, counts General,
# rates (_pct) and hours with two decimals, an empty figure an empty
# cell; the groups text.  --records: the case numbers text, the times as
# Excel dates, hours_to_close a number.
case-stats --as-of 2024-04-01 -b community --total -o xlsx data/asof-april.csv > "$TMP/s.xlsx"
echo "exit $?"
../tools/xlsx-dump "$TMP/s.xlsx"
case-stats --as-of 2024-04-01 --records -o xlsx data/asof-april.csv > "$TMP/r.xlsx"
echo "exit $?"
../tools/xlsx-dump "$TMP/r.xlsx" | head -n 30
