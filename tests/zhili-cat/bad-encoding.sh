zhili-cat --encoding big5 data/people.tsv
