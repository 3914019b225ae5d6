case-stats --month 2024-03 --month 2024-04 data/d1.csv
echo "exit $?"
case-stats --quarter 2024-Q1 --quarter 2023-Q4 data/d1.csv
echo "exit $?"
case-stats --from 2024-03-01 --from 2024-03-05 data/d1.csv
echo "exit $?"
# the advice followed
case-stats --from 2024-03-01 --to 2024-04-30 -m total data/d1.csv
# the same period twice is no conflict
case-stats --month 2024-03 --month 2024-3 -m total data/d1.csv
