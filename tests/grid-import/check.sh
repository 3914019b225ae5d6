grid-import --check data/b.csv
