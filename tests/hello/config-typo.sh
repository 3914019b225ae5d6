# and checked: a key it does not know, with the nearest it knows
hello -c data/typo.yaml data/names.csv
