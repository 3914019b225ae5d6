case-stats -b month -m total,closed,hours_max data/d1.csv
