case-stats -b weekday -m total --sort -total --top 2 --total data/d1.csv
