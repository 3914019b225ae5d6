# --bom is ignored for xlsx (a workbook has no byte-order mark): the same
# workbook, a zip archive from its first byte.
zhili-cat -o xlsx --bom data/people.tsv > "$TMP/bom.xlsx"; echo "exit $?"
head -c 4 "$TMP/bom.xlsx" | od -An -c
zhili-cat -o xlsx data/people.tsv > "$TMP/no.xlsx"
../tools/xlsx-dump "$TMP/bom.xlsx" > "$TMP/bom"
../tools/xlsx-dump "$TMP/no.xlsx" | cmp - "$TMP/bom" && echo "the same"
