# With --bom the --reject file begins with a byte-order mark too (Excel);
# a record short of fields keeps _error in its own column.
zhili-cat --bom --reject "$TMP/rej.csv" data/bad.csv > /dev/null; echo "exit $?"
od -c "$TMP/rej.csv" | head -1
cat "$TMP/rej.csv"
printf 'a\tb\tc\n1\t2\n' | zhili-cat --reject "$TMP/rej.tsv"; echo "exit $?"
cat "$TMP/rej.tsv"
