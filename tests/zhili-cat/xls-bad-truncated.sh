# A truncated .xls: one line, exit 3
head -c 6000 ../workbooks/cases-sample.xls > "$TMP/cut.xls"
cd "$TMP" && zhili-cat cut.xls
