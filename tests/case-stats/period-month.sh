case-stats --month 2024-04 -m total,closed data/d1.csv
