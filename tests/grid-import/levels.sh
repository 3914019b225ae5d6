for l in street community grid compound household; do grid-import --level $l data/b.csv 2>/dev/null | tail -n +2 | cut -f1,2,3 | head -n 2; done
