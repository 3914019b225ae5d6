case-stats -b community --sort -speed data/d1.csv
