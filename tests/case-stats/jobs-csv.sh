# -j: a CSV file of 3000 cases cut into 2, 3, 5 and 8 parts gives what one
# pass gives, byte for byte: descriptions of many lines with quotes and
# commas (cuts fall in them), cases seen again in other parts (a later
# state, or the same again: the later record wins), blank lines, records
# rejected in every part (a quote out of place among them: a cut by the
# quotes before it is then no record's start, and the part is read again
# from where the one before ended), unknown status words, years the
# calendar does not cover; --reject and the messages' lines the same.
. ./jobs.inc
awk -v rows=3000 -v fmt=csv -f jobs-gen.awk > "$TMP/cases.csv"
jobs_same "$TMP/cases.csv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --by community --total
