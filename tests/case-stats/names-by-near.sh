case-stats -b comunity -m total data/d1.csv
echo "exit $?"
case-stats -b 月分 -m total data/d1.csv
echo "exit $?"
# the advice followed
case-stats -b community,月份 -m total data/d1.csv
