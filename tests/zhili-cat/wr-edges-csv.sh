# The CSV writer's vector paths (issue 18, item 3): a comma, a quote, a
# space, control characters, DEL, non-ASCII and TSV escapes at bytes 0,
# 15, 16, 31, 32 and the last of fields of 15, 16, 17 and 33 bytes.
# Checked with Python's csv module (fields back) and the quoting rule.
zhili-cat -o csv data/wr-edges.tsv
