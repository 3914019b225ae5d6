# -j 2 on the roster too: cut after line 8, its bad rows in both parts (an
# unknown post at 3, a level at 5 and 11, a count of fields at 10), two
# workers twice (lines 9 and 13, first at 4 and 2, in the other part),
# items of a worker whose roster row was rejected.  The same payslips,
# messages and --reject file as -j 1.
. data/jobs.sh
same data/jobs-roster-bad.tsv data/jobs-items-few.tsv 1,2,5,13
# The same roster as CSV (the second rows of R03 and R01 found again as
# the part's reader kept them).
same data/jobs-roster-bad.csv data/jobs-items-few.tsv 1 | grep 'twice\|same'
