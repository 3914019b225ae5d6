# a rejected record in the --reject file, with the CSV it came from
hello --reject "$TMP/rej.csv" data/names.csv > /dev/null
echo "rc=$?"
cat "$TMP/rej.csv"
