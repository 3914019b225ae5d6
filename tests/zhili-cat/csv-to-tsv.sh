zhili-cat data/cases.csv
