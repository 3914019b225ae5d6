# The same as TSV with CR-only line ends (Excel for Mac's "Tab delimited
# text"; issue 11, item 2).
tr ',\n' '\t\r' < data/d1.csv > "$TMP/d1.txt" && cd "$TMP" &&
	case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total d1.txt
