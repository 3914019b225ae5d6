# One invalid code unit in UTF-16 (a lone surrogate in record 2, LE and
# BE) rejects that record only; the decoder goes on at the next unit
# (issue 11, item 4: it went on one byte later, all the rest garbage).
zhili-cat data/utf16le-bad.tsv data/utf16be-bad.tsv
