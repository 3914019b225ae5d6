# -j 2 on CSV: the middle byte of the items file is in a quoted field
# of five lines (13 to 17; the quotes before it are odd in number): the
# cut is after the line end outside quotes that follows, and line 18
# begins the second part.  The same payslips, messages and --reject file
# as -j 1.
. data/jobs.sh
same data/jobs-roster.tsv data/jobs-items.csv 1,6,13,20,23
