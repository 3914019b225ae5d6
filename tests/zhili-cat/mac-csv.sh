# CSV with CR-only line ends, a quoted field holding one (issue 11, item
# 2: it failed with "carriage return in an unquoted field"); the same as
# csv-to-tsv.
tr '\n' '\r' < data/cases.csv > "$TMP/mac.csv" && cd "$TMP" && zhili-cat mac.csv
