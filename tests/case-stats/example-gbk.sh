case-stats --as-of "2025-01-01 00:00:00" ../../examples/data/cases-2024-gbk.csv
