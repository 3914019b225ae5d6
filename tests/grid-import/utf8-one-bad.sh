# A UTF-8 roster with one invalid byte (row 2): that row is rejected, not
# every row as GB18030 mojibake (issue 11, item 5).
grid-import --check data/rows-bad-byte.csv
