zhili-cat data/bom-crlf.csv > "$TMP/o"; rc=$?; sed -n l "$TMP/o"; exit $rc
