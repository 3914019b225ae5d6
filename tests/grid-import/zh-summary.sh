grid-import --zh --summary data/b.csv > "$TMP/o"; rc=$?; head -n 1 "$TMP/o"; exit $rc
