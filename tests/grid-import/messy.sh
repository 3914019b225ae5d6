grid-import -o csv --level building data/messy.csv > "$TMP/o"; rc=$?; cut -d, -f1,2,3,5,9,14 "$TMP/o"; exit $rc
