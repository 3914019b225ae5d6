# -j: the cases of jobs-csv.sh as TSV (CRLF line ends): what one pass
# gives (-j 1 reads the cases it must find again by position, -j N notes
# them: the same figures), by community and by month, with --no-dedupe
# too.
. ./jobs.inc
awk -v rows=3000 -v fmt=tsv -v crlf=1 -f jobs-gen.awk > "$TMP/cases.tsv"
jobs_same "$TMP/cases.tsv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --by community,month --total
jobs_same "$TMP/cases.tsv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --no-dedupe -m total,closed,hours_median,hours_p90
# a period: the cases of a year the calendar does not cover (taken again
# by the main thread, counted once in the period), and one of none
jobs_same "$TMP/cases.tsv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --year 2031 --total
jobs_same "$TMP/cases.tsv" --as-of "2035-06-30 00:00:00" \
    --max-rejected 50% --year 2020 -m total
