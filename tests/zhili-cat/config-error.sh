zhili-cat -c data/bad-unit.yaml data/people.tsv
