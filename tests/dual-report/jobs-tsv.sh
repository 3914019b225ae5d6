# -j: a TSV file of 1500 activities cut into 2, 3, 5 and 8 parts gives what
# one pass gives, byte for byte: the report, the messages with their lines,
# the --reject file, the exit status.  Something to say every few rows
# (jobs-gen.awk), so each cut falls beside some: duplicates (merged), the
# later in the next part; unknown members and units, hours 0, dates that
# are none, a field missing (the reader's), blank lines, early activities.
. ./jobs.inc
awk -v kind=members -v fmt=csv -f jobs-gen.awk > "$TMP/m.csv"
awk -v kind=acts -v fmt=tsv -v rows=1500 -f jobs-gen.awk > "$TMP/a.tsv"
same --max-rejected 100% --total "$TMP/m.csv" "$TMP/a.tsv"
same --max-rejected 100% --report communities --by street --total \
    "$TMP/a.tsv" "$TMP/m.csv" | tail -n 4
