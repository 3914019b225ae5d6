case-stats --reject "$TMP/r.csv" -m total data/bad.csv; echo "exit $?"; cut -d, -f1 "$TMP/r.csv" | tr "\n" " "; echo
