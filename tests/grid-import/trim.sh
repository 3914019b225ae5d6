grid-import --level building -o csv data/spaces.csv > "$TMP/o"; echo "exit $?"; cut -d, -f3,5,9,11 "$TMP/o"
grid-import --level grid -o csv data/spaces.csv > "$TMP/o"; echo "exit $?"; cut -d, -f6 "$TMP/o"
