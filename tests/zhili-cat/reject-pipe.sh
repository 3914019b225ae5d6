# A closed pipe on standard output (| head) ends the run quietly, by
# SIGPIPE (status 141), and the records rejected before it are in the
# --reject file.
cd "$TMP" || exit
awk 'BEGIN { print "id,name"; print "0,a,b"; for (i = 1; i <= 300000; i++) print i ",x" }' > "$TMP/big.csv"
{ zhili-cat --reject "$TMP/rej.csv" big.csv; echo "exit $?" > "$TMP/rc"; } | head -2
cat "$TMP/rc" "$TMP/rej.csv"
ls "$TMP"
