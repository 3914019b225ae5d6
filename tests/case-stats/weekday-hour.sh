case-stats -b weekday,hour -m total data/d1.csv
