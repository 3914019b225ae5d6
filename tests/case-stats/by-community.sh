case-stats --as-of "2024-04-02 00:00:00" --by 社区 --total data/d1.csv
