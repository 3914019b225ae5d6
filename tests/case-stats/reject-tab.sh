# The --reject file of CSV input: a rejected record from a file whose fields
# are in another order than the first file's is written field by field,
# and a field that begins or ends with a TAB is quoted (a CSV reader may
# trim it otherwise).  A TAB is shown as \t.
cd "$TMP" || exit
printf 'case_id,reported_at,status,community\nA1,2024-03-01 09:00:00,处置中,东园\n' > a.csv
printf 'community,case_id,status,reported_at\n"\t东园",A2,处置中,2024-02-30 09:00\n"北园\t",A3,处置中,"bad\t"\nx,A4,处置中,2024-03-02 10:00\n' > b.csv
case-stats -m total --reject r.csv a.csv b.csv; echo "exit $?"
sed 's/\t/\\t/g' r.csv
