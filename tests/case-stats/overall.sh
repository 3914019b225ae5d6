case-stats --as-of "2024-04-02 00:00:00" data/d1.csv
