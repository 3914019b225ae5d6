# UTF-16 without a byte-order mark (some Windows tools save it so): NUL
# bytes in every other place, and only there, say so; the file is read as
# UTF-16 with a notice (every record was rejected: "a NUL byte").  A UTF-8
# file with a stray NUL is not taken for UTF-16: that record is rejected.
zhili-cat data/utf16le-nobom.csv
zhili-cat data/utf16be-nobom.tsv
zhili-cat data/one-nul.tsv
# the encoding chosen: read as UTF-8, its NULs reject every record
zhili-cat --encoding utf-8 --max-rejected 100% data/utf16be-nobom.tsv
