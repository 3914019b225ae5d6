# --exact goes with --partial only (exit 2); partial results with and
# without --exact are not merged (exit 3: the percentiles could not be
# exact), as files or as one stream; nor a line with both columns.
cd "$TMP" || exit
printf 'case_id,reported_at,closed_at,status\n1,2024-03-01 08:00,2024-03-01 09:00,办结\n' > c.csv
case-stats --exact c.csv
echo "exit $?"
case-stats --merge --exact c.csv
echo "exit $?"
case-stats --records --exact c.csv
echo "exit $?"
case-stats --partial --exact c.csv > exact.tsv
echo "exit $?"
cat exact.tsv
case-stats --partial c.csv > hist.tsv
case-stats --merge exact.tsv hist.tsv
echo "exit $?"
cat exact.tsv hist.tsv | case-stats --merge
echo "exit $?"
sed '1s/$/\t_hours_hist/; 2s/$/\tz=0/' exact.tsv > both.tsv
case-stats --merge both.tsv
echo "exit $?"
