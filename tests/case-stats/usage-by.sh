case-stats -b nosuch data/d1.csv
