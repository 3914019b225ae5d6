# -j: files smaller than their parts (3 cases in 8 parts), without a final
# line end, only a header, empty; the example data by community and by
# case (a group each), --partial (and --exact); standard input (one
# thread).
. ./jobs.inc
awk -v rows=3 -v fmt=csv -v nofinal=1 -f jobs-gen.awk > "$TMP/three.csv"
jobs_same "$TMP/three.csv" --as-of "2025-01-01 00:00:00" --total
awk -v rows=300 -v fmt=tsv -v nofinal=1 -f jobs-gen.awk > "$TMP/some.tsv"
jobs_same "$TMP/some.tsv" --as-of "2025-01-01 00:00:00" --max-rejected 50% \
    --by category -m total,hours_p90
head -n 1 "$TMP/three.csv" > "$TMP/header.csv"
jobs_same "$TMP/header.csv" --total
: > "$TMP/empty.csv"
jobs_same "$TMP/empty.csv" --total
jobs_same ../../examples/data/cases-2024.csv --as-of "2025-01-01 00:00:00" \
    --by street,community --total
jobs_same ../../examples/data/cases-2024.csv --as-of "2025-01-01 00:00:00" \
    --by case_id -m total,closed,hours_max --sort -hours_max --top 5
jobs_same ../../examples/data/cases-2024.csv --as-of "2025-01-01 00:00:00" \
    --by community --partial
jobs_same ../../examples/data/cases-2024.csv --as-of "2025-01-01 00:00:00" \
    --by category --partial --exact
case-stats -j 4 --as-of "2025-01-01 00:00:00" --by community \
    < ../../examples/data/cases-2024.csv | head -n 3
