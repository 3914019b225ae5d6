zhili-cat --strict data/bad.csv
