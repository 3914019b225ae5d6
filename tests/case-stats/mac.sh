# A case export with CR-only line ends gives the figures of by-community
# (issue 11, item 2).
tr '\n' '\r' < data/d1.csv > "$TMP/d1.csv" && cd "$TMP" &&
	case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total d1.csv
