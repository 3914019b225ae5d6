hello data/names.csv
