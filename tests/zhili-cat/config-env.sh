ZHILI_CONFIG=data/bad-unit.yaml zhili-cat data/people.tsv
