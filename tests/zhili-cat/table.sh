zhili-cat -o table data/cases.csv
