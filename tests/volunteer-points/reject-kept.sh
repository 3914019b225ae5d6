# A redemption rejected after the reading is written to --reject and named
# on stderr as it was read, whether kept as its line (its fields are the
# line split at tabs or commas) or whole: A's 50 points of a TSV line
# (more than its 20.00), B's 500 with a TSV escape (\\), C's with no
# service; from CSV with its fields in another order, B's 300 quoted
# ("大米,5kg") and A's 400 plain; A's 5 (an escaped tab in its item) and
# B's "挂面" of 2 are applied.  Again with the CSV file read first.
volunteer-points --as-of 2025-12-31 --reject "$TMP/rej.tsv" data/kept-s.tsv data/kept-r.tsv data/kept-r.csv
echo "exit $?"
cat "$TMP/rej.tsv"
volunteer-points --as-of 2025-12-31 --reject "$TMP/rej.csv" data/kept-r.csv data/kept-s.tsv data/kept-r.tsv 2> /dev/null
echo "exit $?"
cat "$TMP/rej.csv"
