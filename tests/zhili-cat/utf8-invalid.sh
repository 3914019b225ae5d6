zhili-cat --encoding utf-8 data/latin.csv
