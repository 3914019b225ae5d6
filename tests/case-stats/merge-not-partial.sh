case-stats --merge data/d1.csv
