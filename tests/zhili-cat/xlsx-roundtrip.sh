# CSV -> -o xlsx -> CSV (read back with openpyxl, each cell as Excel shows
# it) is the identity: IDs with leading zeros, 18-digit ID numbers,
# phones, Chinese text, dates and times, empty cells, negative amounts,
# quotes, commas, line breaks, control characters and _x0041_ (both
# sides through zhili-cat -o csv, which quotes only what needs it).  From
# TSV too.
zhili-cat -o xlsx data/xlsx-mix.csv > "$TMP/m.xlsx"
../tools/xlsx-dump --csv "$TMP/m.xlsx" | zhili-cat -o csv > "$TMP/back.csv"
zhili-cat -o csv data/xlsx-mix.csv > "$TMP/want.csv"
cmp "$TMP/want.csv" "$TMP/back.csv" && echo "csv: the same"
zhili-cat data/xlsx-mix.csv | zhili-cat -o xlsx > "$TMP/t.xlsx"
../tools/xlsx-dump --csv "$TMP/t.xlsx" | zhili-cat > "$TMP/back.tsv"
zhili-cat data/xlsx-mix.csv | cmp - "$TMP/back.tsv" && echo "tsv: the same"
