# No row of the first 20 names the fields worker-salary needs: the message
# is the one of a file without them.
worker-salary data/title-far.tsv data/items.csv
