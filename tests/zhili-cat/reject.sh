zhili-cat --reject "$TMP/rej.csv" data/bad.csv >/dev/null 2>&1; echo "exit $?"; cat "$TMP/rej.csv"; ls -l "$TMP/rej.csv" | cut -c1-10
