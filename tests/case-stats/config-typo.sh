case-stats -c data/typo.yaml data/d1.csv
