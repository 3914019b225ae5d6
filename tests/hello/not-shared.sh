# its fields are its own: zhili-cat does not rename them
zhili-cat data/names.csv
