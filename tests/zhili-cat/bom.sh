zhili-cat -o csv --bom -f id data/people.tsv | od -An -c | tr -s " "
