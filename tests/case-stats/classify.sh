case-stats --classify -b category -m total data/d1.csv
