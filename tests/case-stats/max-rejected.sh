# The platform renamed a status word: 85 of 100 records rejected.  Above
# max-rejected (default: more than 1% and more than 10) no figures are
# written, and the message says how many were rejected and why; the
# rejections are summarised per reason.
cd "$TMP" || exit
awk 'BEGIN { print "事件编号,上报时间,办结时间,状态,社区";
	for (i = 1; i <= 100; i++)
		printf "C%03d,2024-03-04 09:00:00,2024-03-04 11:00:00,%s,A社区\n",
		    i, i <= 85 ? "已结" : "已办结" }' > cases.csv
echo "== default"
case-stats --as-of 2024-04-01 -m total,closed cases.csv; echo "exit $?"
echo "== --max-rejected 90%"
case-stats --as-of 2024-04-01 -m total,closed --max-rejected 90% cases.csv 2>/dev/null; echo "exit $?"
echo "== --max-rejected 85"
case-stats --as-of 2024-04-01 -m total,closed --max-rejected 85 cases.csv 2>/dev/null; echo "exit $?"
echo "== --max-rejected 84"
case-stats --as-of 2024-04-01 -m total,closed --max-rejected 84 cases.csv 2>/dev/null; echo "exit $?"
echo "== records: {max-rejected: 85%} in a file"
printf 'records:\n  max-rejected: 85%%\n' > z.yaml
case-stats -c z.yaml --as-of 2024-04-01 -m total,closed cases.csv 2>/dev/null; echo "exit $?"
echo "== a share: more than it, and more than 10 records"
awk 'BEGIN { print "事件编号,上报时间,办结时间,状态,社区";
	for (i = 1; i <= 1000; i++)
		printf "C%04d,2024-03-04 09:00:00,2024-03-04 11:00:00,%s,A社区\n",
		    i, i <= 15 ? "已结" : "已办结" }' > many.csv
case-stats --as-of 2024-04-01 -m total --max-rejected 1.5% many.csv 2>/dev/null; echo "exit $?"
{ case-stats --as-of 2024-04-01 -m total --max-rejected 1.4% many.csv; echo "exit $?"; } 2>&1 | tail -2
head -101 many.csv | sed '12,$s/已结/已办结/' > few.csv
{ case-stats --as-of 2024-04-01 -m total few.csv; echo "exit $?"; } 2>&1 | tail -3
echo "== every record rejected: no figures, however few"
head -3 cases.csv > all.csv
{ case-stats --as-of 2024-04-01 -m total all.csv; echo "exit $?"; } 2>&1 | tail -2
