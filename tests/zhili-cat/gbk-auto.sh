zhili-cat data/gbk.csv
