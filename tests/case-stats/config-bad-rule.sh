case-stats -c data/badrule.yaml --classify data/d1.csv
