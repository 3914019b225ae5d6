# twenty rows and none names the roster's fields: not a roster
grid-import --summary data/noheader.csv
