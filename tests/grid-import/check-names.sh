# each problem names its unit, and a building's its compound too
grid-import --check data/b.csv data/dup.csv | zhili-cat -f line,level,name,compound,problem
