zhili-cat -o md -f id,note data/people.tsv
