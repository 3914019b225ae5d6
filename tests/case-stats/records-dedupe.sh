case-stats --records -o csv data/dup.csv > "$TMP/o"; rc=$?; cut -d, -f1,4,7,8 "$TMP/o"; exit $rc
