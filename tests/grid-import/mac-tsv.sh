# The same as TSV with CR-only line ends (issue 11, item 2).
tr ',\n' '\t\r' < data/rows.csv > "$TMP/rows.txt" && cd "$TMP" && grid-import --check rows.txt
