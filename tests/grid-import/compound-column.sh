grid-import data/many-grids.csv | awk -F '\t' '{ print $1, $13 != "" }' | sort | uniq -c
