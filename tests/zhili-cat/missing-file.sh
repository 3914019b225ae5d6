zhili-cat data/people.tsv data/nosuch.tsv
