zhili-cat data/people.tsv | zhili-cat -o csv | zhili-cat | cmp - data/people.tsv && echo same
