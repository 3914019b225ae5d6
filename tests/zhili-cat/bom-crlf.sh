zhili-cat data/bom-crlf.csv | sed -n l
