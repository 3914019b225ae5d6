# CSV -> TSV (lib/wr.c): a record read is written field by field without
# a look at each when its raw line has no byte TSV escapes; with a TAB,
# a backslash, a CR or LF in quotes, a control character, the fields are
# looked at and escaped.  Fields of 1 to 48 bytes (the block copies).
zhili-cat --csv
