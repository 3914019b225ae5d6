case-stats --help > "$TMP/o"; rc=$?; head -n 3 "$TMP/o"; exit $rc
