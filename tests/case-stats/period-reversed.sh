case-stats --from 2024-03-10 --to 2024-03-04 data/d1.csv
echo "exit $?"
case-stats --to 2024-03-04 --from "2024-03-05 08:00" data/d1.csv
echo "exit $?"
# the advice followed
case-stats --from 2024-03-04 --to 2024-03-10 -m total data/d1.csv
case-stats --from 2024-03-04 --to '2024-03-05 08:00' -m total data/d1.csv
