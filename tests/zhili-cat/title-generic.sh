# A file of fields no program knows, with values that name fields: its
# first row is its header, no row is taken for a title.
zhili-cat data/generic.tsv
