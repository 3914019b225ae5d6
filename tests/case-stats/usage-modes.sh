case-stats --records --partial data/d1.csv
