# a value too long to mask in its cell is written ****, in the units and
# in the problems
grid-import --mask --level grid data/long-phone.csv 2>/dev/null | cut -f6,7
grid-import --mask --check data/long-phone.csv | cut -f7,8
