# -j 2 on CSV with a quote out of place (line 3, O"Brien: the count of
# quotes is odd after it), so that the cut falls inside a quoted field
# (after line 16): the second part, which began there, is read again from
# where the first one ended (line 18).  The same payslips, messages and
# --reject file as -j 1.
. data/jobs.sh
same data/jobs-roster.tsv data/jobs-quote.csv 1,6,13
