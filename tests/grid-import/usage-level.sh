grid-import --level floor data/b.csv
