zhili-cat -o xml data/people.tsv
