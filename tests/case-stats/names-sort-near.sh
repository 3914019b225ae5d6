case-stats -b community -m total --sort -resolution_pc data/d1.csv
echo "exit $?"
case-stats -b month -m total --sort 月分 data/d1.csv
echo "exit $?"
# the advice followed
case-stats -b community -m total --sort -resolution_pct data/d1.csv
case-stats -b month -m total --sort 月份 data/d1.csv
