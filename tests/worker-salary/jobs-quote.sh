# -j 2 on CSV with quotes out of place (line 14, O"Br"ien, just after
# the middle byte: the first quote after the middle tells rd_cut it is in
# quotes, and the second takes it in again), so that the cut falls in a
# quoted field (after line 16): the second part, which began there, is
# read again from where the first one ended (line 18).  The same
# payslips, messages and --reject file as -j 1.
. data/jobs.sh
same data/jobs-roster.tsv data/jobs-quote.csv 1,6,13
