zhili-cat -o csv data/people.tsv
