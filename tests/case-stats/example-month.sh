case-stats --by month --metrics total,closed,hours_median,hours_p90 ../../examples/data/cases-2024.csv
