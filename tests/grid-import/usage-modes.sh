grid-import --summary --check data/b.csv
