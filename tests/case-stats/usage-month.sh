case-stats --month 2024-13 data/d1.csv
