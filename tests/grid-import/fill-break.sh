# A rejected row breaks the fill-down chain: the rows below it whose
# blank cells it would fill are rejected too, saying which row above was
# rejected, and none lands in the grid of the block before it (see
# data/README).  The building listed twice is counted as merged.
grid-import --encoding utf-8 data/fill-break.csv | cut -f1,3,5
grid-import --encoding utf-8 --check data/fill-break.csv 2>/dev/null |
	cut -f2,3,5,7,8
