case-stats --classify --records data/d1.csv
