zhili-cat data/bad.csv
