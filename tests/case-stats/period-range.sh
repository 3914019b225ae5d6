case-stats --from 2024-03-05 --to 2024-03-09 -m total,open,returned data/d1.csv
