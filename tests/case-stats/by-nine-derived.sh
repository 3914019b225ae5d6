# Nine derived --by fields: each its own value (the ninth once overwrote
# the first's), grouped by all nine.
case-stats -b weekday,month,week,hour,weekday,month,week,hour,hour -m total,closed data/d1.csv
