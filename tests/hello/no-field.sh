hello data/no-name.csv
