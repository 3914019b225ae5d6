case-stats --reject "$TMP/r.csv" -m total data/bad.csv 2>/dev/null; echo "exit $?"; cut -d, -f1 "$TMP/r.csv" | tr "\n" " "; echo
