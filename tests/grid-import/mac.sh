# A roster with CR-only line ends reads as with LF: the problems of
# rows.sh (issue 11, item 2).
tr '\n' '\r' < data/rows.csv > "$TMP/rows.csv" && cd "$TMP" && grid-import --check rows.csv
