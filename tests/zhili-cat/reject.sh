zhili-cat --reject "$TMP/rej.csv" data/bad.csv >/dev/null; echo "exit $?"; cat "$TMP/rej.csv"; ls -l "$TMP/rej.csv" | cut -c1-10
