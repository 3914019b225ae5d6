zhili-cat data/people.tsv data/people2.tsv
