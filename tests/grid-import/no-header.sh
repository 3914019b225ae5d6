grid-import --summary data/noheader.csv > "$TMP/o" 2>&1; rc=$?; sed -n "1p;20p;21,\$p" "$TMP/o"; exit $rc
