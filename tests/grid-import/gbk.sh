grid-import --level building -o csv data/gbk.csv > "$TMP/o"; rc=$?; cut -d, -f2,5 "$TMP/o"; exit $rc
