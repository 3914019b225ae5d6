# Old-Mac line ends (CR only: Excel for Mac's "Tab delimited text") read
# as the same file with LF (issue 11, item 2: it was one header line).
tr '\n' '\r' < data/people.tsv > "$TMP/mac.tsv" && cd "$TMP" && zhili-cat mac.tsv
