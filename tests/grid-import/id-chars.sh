grid-import --check data/ids.csv | zhili-cat -f line,problem,value
