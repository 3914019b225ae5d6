case-stats -m total,closed,on_time data/bad.csv
