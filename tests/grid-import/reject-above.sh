grid-import --reject "$TMP/r" data/reject-above.csv > "$TMP/o"; echo "exit $?"
cut -f1,2,3,6,14 "$TMP/o"; cat "$TMP/r"
