# No row of the first 20 names the fields dual-report reads: the message
# is the one of a file without them.
dual-report --report members --quarter 2025-Q1 data/title-far.csv data/acts.tsv
