grid-import --mask data/b.csv 2>/dev/null | cut -f9,10,22 | sed -n "1p;/吴二/p" | head -n 2; grid-import --mask --check data/b.csv 2>/dev/null | cut -f5,6 | grep -E "phone|identity"
