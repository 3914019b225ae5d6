case-stats -b week -m total data/d1.csv
