case-stats --strict -m total data/bad.csv
