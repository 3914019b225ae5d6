zhili-cat data/people.tsv data/other.tsv
