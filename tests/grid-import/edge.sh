grid-import --mask --check data/edge.csv; grid-import --level grid data/edge.csv 2>/dev/null | cut -f2,3,5
