# An export whose headers the programs do not know: every missing field
# named at once, with the header's names and the aliases: line that maps
# the nearest; that line, pasted into zhili.yaml, makes the next run work.
cd "$TMP" || exit
printf '工单号,受理日期,处理状态,所属社区,办结时间\nC1,2024-03-01 09:00:00,办结,A社区,2024-03-01 10:00:00\nC2,2024-03-02 09:00:00,受理,A社区,\n' > cases.csv
case-stats --as-of 2024-04-01 cases.csv 2> err; echo "exit $?"
cat err
sed -n 's/.*add to zhili.yaml: //p' err > zhili.yaml
case-stats -c zhili.yaml --as-of 2024-04-01 -m total,closed cases.csv; echo "exit $?"
echo "== a header with nothing alike: no aliases line"
printf 'a,b\n1,2\n' > other.csv
case-stats other.csv; echo "exit $?"
