case-stats --zh --as-of "2024-04-02 00:00:00" -b community,month -m total,resolution_pct,hours_p90 --total data/d1.csv
