case-stats -b community -m total,closed,returned,hours_mean,hours_median,hours_max --total < data/dup.csv
