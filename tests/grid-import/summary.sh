grid-import --summary --total data/b.csv 2>/dev/null
