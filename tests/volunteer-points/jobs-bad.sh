# -j takes a number of threads from 1 to 64.
volunteer-points -j 0 data/jobs.tsv
