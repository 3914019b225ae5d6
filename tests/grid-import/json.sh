grid-import --level grid -o json data/b.csv 2>/dev/null | head -n 1
