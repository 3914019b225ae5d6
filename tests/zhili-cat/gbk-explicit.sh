zhili-cat --encoding gbk -o csv data/gbk.csv
