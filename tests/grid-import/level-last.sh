grid-import --level building --level grid data/b.csv 2>/dev/null | cut -f1,2,3
