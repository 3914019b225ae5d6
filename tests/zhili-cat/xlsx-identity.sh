# The round trip CSV -> -o xlsx -> zhili-cat -> CSV is the identity: IDs
# with leading zeros and 18-digit ID numbers stay text, dates come back
# as the dates they were, numbers with the decimals their cell's format
# ("0.00") shows (3.50, not 3.5), quotes, commas and Chinese text as
# they were.
zhili-cat -o csv data/xlsx-mix.csv > "$TMP/a.csv"
zhili-cat -o xlsx data/xlsx-mix.csv > "$TMP/m.xlsx"
zhili-cat -o csv "$TMP/m.xlsx" > "$TMP/b.csv"; echo "exit $?"
cmp "$TMP/a.csv" "$TMP/b.csv" && echo identity
wc -l < "$TMP/b.csv"
