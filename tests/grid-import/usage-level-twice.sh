grid-import --level grid --level foo data/b.csv
