case-stats -m 事件总数,办结率 data/d1.csv
echo "exit $?"
# the advice followed
case-stats -m '事件总数,办结率(%)' data/d1.csv
