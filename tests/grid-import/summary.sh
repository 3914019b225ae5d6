grid-import --summary --total data/b.csv
