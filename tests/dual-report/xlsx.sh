# -o xlsx --zh (openpyxl reads it): the Chinese titles in the bold, frozen
# header; the rates (报到率(%), 参与率(%)) with two decimals, the counts
# General, the hours with two decimals.
dual-report --quarter 2025-Q1 --total --zh -o xlsx data/members.csv data/units.csv data/acts.tsv > "$TMP/u.xlsx" 2>/dev/null
echo "exit $?"
../tools/xlsx-dump "$TMP/u.xlsx"
