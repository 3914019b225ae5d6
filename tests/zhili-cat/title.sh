# A title row above the header (Excel's CSV: the title in the first cell,
# the others empty): skipped, said once on stderr, and not a record; the
# output is that of the file without it.
zhili-cat data/title.csv
zhili-cat data/title.csv 2>/dev/null > "$TMP/a"
zhili-cat data/cases.csv > "$TMP/b"
cmp "$TMP/a" "$TMP/b" && echo "the same as without the title row"
