case-stats -m total,speed data/d1.csv
