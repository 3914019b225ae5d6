# UTF-8 with one invalid byte (in record 2) is read as UTF-8, that record
# rejected, with a warning why (issue 11, item 5: the file was read as
# GB18030, all mojibake).
zhili-cat data/utf8-one-bad.csv
