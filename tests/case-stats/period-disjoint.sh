case-stats --year 2023 --month 2024-03 data/d1.csv
echo "exit $?"
case-stats --month 2024-03 --to 2024-02-29 data/d1.csv
echo "exit $?"
# options that overlap narrow each other: March 10 to 31
case-stats --year 2024 --month 2024-03 --from 2024-03-10 -m total data/d1.csv
