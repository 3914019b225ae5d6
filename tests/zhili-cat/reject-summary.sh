# Repeated rejections are summarised: the first 10 of a reason in full,
# then one line per reason with its count; every record is still in the
# --reject file.  --verbose shows all.
cd "$TMP" || exit
awk 'BEGIN { print "id,name"; for (i = 1; i <= 25; i++) print i ",x,extra";
	for (i = 26; i <= 28; i++) print i; print "29,ok" }' > "$TMP/in.csv"
zhili-cat --reject rej.csv in.csv; echo "exit $?"
wc -l < "$TMP/rej.csv"
zhili-cat --verbose in.csv 2>&1 >/dev/null | wc -l
