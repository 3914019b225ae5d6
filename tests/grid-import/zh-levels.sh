grid-import --zh --total data/b.csv | cut -f 1-5
