# Records rejected after the reading (a worker not in the roster, a net
# pay below zero) are found again for the --reject file whatever the
# input: a CSV file (its record kept as read, a quoted field and CRLF
# line ends included) and standard input (nothing to read again), as a
# TSV file is (tests reject-file).  The two runs give the same.
worker-salary --reject "$TMP/a" data/roster.tsv data/late.csv | cut -f 1,6
cat "$TMP/a"
worker-salary --reject "$TMP/b" data/roster.tsv - < data/late.csv 2>&1 >/dev/null
sed 's|<stdin>|data/late.csv|' "$TMP/b" | cmp -s - "$TMP/a" && echo same
