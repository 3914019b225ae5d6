case-stats --by channel --metrics total,closed,resolution_pct --as-of "2025-01-01 00:00:00" ../../examples/data/cases-2024.csv
