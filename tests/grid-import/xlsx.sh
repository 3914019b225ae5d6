# -o xlsx (openpyxl reads it): the units with their codes as text (a
# 12-digit code stays whole), the counts as numbers; the summary with
# --zh, its rate (四有达标率(%)) with two decimals.
grid-import -o xlsx data/b.csv > "$TMP/u.xlsx"; echo "exit $?"
../tools/xlsx-dump "$TMP/u.xlsx" | head -n 40
grid-import --summary --total --zh -o xlsx data/b.csv > "$TMP/s.xlsx"
echo "exit $?"
../tools/xlsx-dump "$TMP/s.xlsx"
