grid-import --check data/rows.csv
