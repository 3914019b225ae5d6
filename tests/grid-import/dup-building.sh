grid-import --check data/dup.csv
