# -j 2: the items file read in two parts, cut after the line end nearest
# its middle byte (line 14: every worker's months go on across the cut,
# its year to date too), and the payslips checked and written by two
# threads.  Bad records in both parts: read (an amount, line 4; line 15,
# a count of fields, a negative amount), not in the roster (7, 18), a
# month twice (25, first at 3, in the other part), a net pay below zero
# (6).  The payslips, the messages (their lines the file's) and the
# --reject file are -j 1's, byte for byte.
. data/jobs.sh
same data/jobs-roster.tsv data/jobs-items.tsv 1,6,13,20,23
# The summary, a month alone and a month with none: the same.
for o in "--summary --total" "--month 2024-03" "--month 2024-09"; do
	worker-salary -j 2 --max-rejected 100% $o data/jobs-roster.tsv \
	    data/jobs-items.tsv >"$TMP/o2" 2>"$TMP/e2"
	worker-salary -j 1 --max-rejected 100% $o data/jobs-roster.tsv \
	    data/jobs-items.tsv >"$TMP/o1" 2>"$TMP/e1"
	cmp "$TMP/o1" "$TMP/o2" && cmp "$TMP/e1" "$TMP/e2" &&
		echo "$o: the same ($(wc -l <"$TMP/o2") lines)"
done
tail -n 2 "$TMP/e2"
