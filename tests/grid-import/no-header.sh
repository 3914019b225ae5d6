# No header row in the first 20 rows: each row rejected, the first 10
# messages shown, then one line with the count.
grid-import --summary data/noheader.csv
