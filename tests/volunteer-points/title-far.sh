# No row of the first 20 names the fields volunteer-points needs: the
# message is the one of a file without them.
volunteer-points --as-of 2025-12-31 data/title-far.csv
