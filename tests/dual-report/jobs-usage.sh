# -j takes a number of threads from 1 to 64 (exit 2 otherwise); standard
# input is read with one thread, with the same figures.
dual-report -j 0 data/members.csv data/acts.tsv
dual-report --jobs 65 data/members.csv data/acts.tsv
dual-report -j x data/members.csv data/acts.tsv
dual-report -j 2 --total data/members.csv - < data/acts.tsv 2> /dev/null
dual-report -j 1 --total data/members.csv data/acts.tsv 2> /dev/null
