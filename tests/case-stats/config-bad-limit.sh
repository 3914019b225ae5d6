case-stats -c data/badlimit.yaml data/d1.csv
