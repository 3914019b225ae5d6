grid-import --level grid -o json data/b.csv > "$TMP/o"; rc=$?; head -n 1 "$TMP/o"; exit $rc
