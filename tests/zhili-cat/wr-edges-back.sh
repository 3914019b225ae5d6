# Records read from CSV take the writers' other paths (not the TSV line
# read past its end): the CSV written reads back to the same CSV, and
# gives the same JSON as the TSV.
zhili-cat -o csv data/wr-edges.tsv > "$TMP/e.csv" || exit
zhili-cat -o csv "$TMP/e.csv" | cmp - "$TMP/e.csv" && echo "csv: the same"
zhili-cat -o json data/wr-edges.tsv > "$TMP/a.json" || exit
zhili-cat -o json "$TMP/e.csv" | cmp - "$TMP/a.json" && echo "json: the same"
