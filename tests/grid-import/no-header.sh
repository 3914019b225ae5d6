grid-import --summary data/noheader.csv 2>&1 | sed -n "1p;20p;21,\$p"
