# -j 2 on CSV: the middle byte of the items file is in a quoted field
# of five lines (13 to 17; the quotes before it are odd in number): the
# cut is after the line end outside quotes that follows, and line 18
# begins the second part.  The same payslips, messages and --reject file
# as -j 1.
j() {
	worker-salary -j "$1" --max-rejected 100% --reject "$TMP/rej$1.csv" \
	    data/jobs-roster.tsv data/jobs-items.csv >"$TMP/out$1" 2>"$TMP/err$1"
	echo "-j $1: exit $?"
}
j 2
j 1
cut -f 1,6,13,20,23 "$TMP/out2"
cat "$TMP/err2" "$TMP/rej2.csv"
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
	cmp "$TMP/rej1.csv" "$TMP/rej2.csv" && echo "-j 1, -j 2: the same"
