grid-import --level building -o csv data/gbk.csv | cut -d, -f2,5
