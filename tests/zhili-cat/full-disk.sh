zhili-cat data/people.tsv > /dev/full
