zhili-cat --zh -f 事件编号,status,community data/cases.csv > "$TMP/o"; rc=$?; head -n 2 "$TMP/o"; exit $rc
