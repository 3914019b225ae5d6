case-stats --as-of "2024-04-02 00:00:00" -b community -m total,closed,on_time_pct --sort -closed data/d1.csv
