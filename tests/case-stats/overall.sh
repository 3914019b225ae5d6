case-stats --as-of "2024-03-12 00:00:00" data/d1.csv
