# -j 2 on CSV with a quote out of place (line 3, O"Brien: the count of
# quotes is odd after it), so that the cut falls inside a quoted field
# (after line 16): the second part, which began there, is read again from
# where the first one ended (line 18).  The same payslips, messages and
# --reject file as -j 1.
j() {
	worker-salary -j "$1" --max-rejected 100% --reject "$TMP/rej$1.csv" \
	    data/jobs-roster.tsv data/jobs-quote.csv >"$TMP/out$1" 2>"$TMP/err$1"
	echo "-j $1: exit $?"
}
j 2
j 1
cut -f 1,6,13 "$TMP/out2"
cat "$TMP/err2" "$TMP/rej2.csv"
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
	cmp "$TMP/rej1.csv" "$TMP/rej2.csv" && echo "-j 1, -j 2: the same"
