case-stats --as-of "2024-04-02 00:00:00" -b channel -m total,closed,resolution_pct,hours_median -o json data/d1.csv
