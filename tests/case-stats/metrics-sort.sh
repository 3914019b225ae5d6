case-stats --as-of "2024-03-12 00:00:00" -b community -m total,closed,on_time_pct --sort -closed data/d1.csv
