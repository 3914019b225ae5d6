# GBK with CR-only line ends: the same as gbk-auto (issue 11, item 2).
tr '\n' '\r' < data/gbk.csv > "$TMP/mac.csv" && cd "$TMP" && zhili-cat mac.csv
