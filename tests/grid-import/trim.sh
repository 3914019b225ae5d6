grid-import --level building -o csv data/spaces.csv | cut -d, -f3,5,9,11; grid-import --level grid -o csv data/spaces.csv 2>/dev/null | cut -d, -f6
