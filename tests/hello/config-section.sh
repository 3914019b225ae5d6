# its section is a known one: the nearest to a misspelt section
hello -c data/section-typo.yaml data/names.csv
