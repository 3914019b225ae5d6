# A title row that names a field by chance (社区, community) but not the
# two zhili-cat looks for (any two fields the programs know), nor every
# field -f picks: a title row still.
zhili-cat data/title-chance.csv
zhili-cat -f case_id,community data/title-chance.csv
