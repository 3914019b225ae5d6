# The JSON writer's vector paths on the fields of wr-edges-csv: checked
# with Python's json module (values back, numbers as written), control
# characters as \u00XX, DEL as it is.
zhili-cat -o json data/wr-edges.tsv
