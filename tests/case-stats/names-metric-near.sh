case-stats -m total,resolutoin_pct data/d1.csv
echo "exit $?"
# the advice followed
case-stats -m total,resolution_pct data/d1.csv
