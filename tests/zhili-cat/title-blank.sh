# Blank lines and empty rows (",,,,") between the title rows and the
# header: neither counted as title rows nor records.
zhili-cat data/title-blank.csv
