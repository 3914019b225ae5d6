in=$(grep -c . data/bad.csv)
zhili-cat --reject "$TMP/r.csv" data/bad.csv > "$TMP/o"; rc=$?
out=$(tail -n +2 "$TMP/o" | wc -l); rej=$(tail -n +2 "$TMP/r.csv" | wc -l)
echo "lines $in = header 1 + out $out + rejected $rej"
exit $rc
