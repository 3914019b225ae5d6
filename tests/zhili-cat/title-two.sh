# Two title rows above a TSV header (the second with empty cells after
# it); -f picks fields as in any file.
zhili-cat -f case_id,status data/title-two.tsv
