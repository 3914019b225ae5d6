grid-import --mask --check data/edge.csv; echo "exit $?"
grid-import --level grid data/edge.csv > "$TMP/o"; echo "exit $?"; cut -f2,3,5 "$TMP/o"
