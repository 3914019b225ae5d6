grid-import --zh --summary data/b.csv 2>/dev/null | head -n 1
