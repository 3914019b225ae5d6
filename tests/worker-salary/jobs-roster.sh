# -j 2 on the roster too: cut after line 8, its bad rows in both parts (an
# unknown post at 3, a level at 5 and 11, a count of fields at 10), two
# workers twice (lines 9 and 13, first at 4 and 2, in the other part),
# items of a worker whose roster row was rejected.  The same payslips,
# messages and --reject file as -j 1.
j() {
	worker-salary -j "$1" --max-rejected 100% --reject "$TMP/rej$1" \
	    data/jobs-roster-bad.tsv data/jobs-items-few.tsv >"$TMP/out$1" \
	    2>"$TMP/err$1"
	echo "-j $1: exit $?"
}
j 2
j 1
cut -f 1,2,5,13 "$TMP/out2"
cat "$TMP/err2" "$TMP/rej2"
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
	cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1, -j 2: the same"
# The same roster as CSV (the second rows of R03 and R01 found again as
# the part's reader kept them).
for n in 2 1; do
	worker-salary -j $n --max-rejected 100% --reject "$TMP/rej$n.csv" \
	    data/jobs-roster-bad.csv data/jobs-items-few.tsv >"$TMP/out$n" \
	    2>"$TMP/err$n"
done
grep twice "$TMP/err2"
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
	cmp "$TMP/rej1.csv" "$TMP/rej2.csv" && echo "CSV: -j 1, -j 2: the same"
