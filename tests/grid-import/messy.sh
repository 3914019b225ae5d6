grid-import -o csv --level building data/messy.csv | cut -d, -f1,2,3,5,9,14
