# -j: a members file read in parts, as the activities are: TSV and CSV
# members cut into 2, 3, 5 and 8 parts give what one pass gives, byte for
# byte (the report, the messages with their lines, the --reject file, the
# exit status), with something to say every few rows (jobs-gen.awk's
# badmembers): merged rows, a member listed twice (its row rejected as the
# parts are put together, read again), fields empty or no date, a field
# missing, blank lines, names of lines in quotes; in CSV a name of 40
# lines that read as rows where a cut falls (the part read again).
. ./jobs.inc
awk -v kind=badmembers -v fmt=tsv -v rows=240 -f jobs-gen.awk > "$TMP/m.tsv"
awk -v kind=acts -v fmt=tsv -v rows=60 -f jobs-gen.awk > "$TMP/a.tsv"
same --verbose --max-rejected 100% --total "$TMP/m.tsv" "$TMP/a.tsv"
awk -v kind=badmembers -v fmt=csv -v rows=600 -f jobs-gen.awk > "$TMP/m.csv"
same --max-rejected 100% --report members "$TMP/a.tsv" "$TMP/m.csv" |
    tail -n 8
awk -v kind=badmembers -v fmt=csv -v rows=600 -v long=300 \
    -f jobs-gen.awk > "$TMP/long.csv"
same --max-rejected 100% --report members "$TMP/long.csv" "$TMP/a.tsv" |
    tail -n 8
