zhili-cat -o csv --bom -f id data/people.tsv > "$TMP/o"; rc=$?; od -An -c "$TMP/o" | tr -s " "; exit $rc
