for l in street community grid compound household; do
	grid-import --level $l data/b.csv > "$TMP/o"; echo "$l: exit $?"
	tail -n +2 "$TMP/o" | cut -f1,2,3 | head -n 2
done
