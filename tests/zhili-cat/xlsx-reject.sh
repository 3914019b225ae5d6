# A row wider than the header is rejected; its line in the --reject file is the row as TSV
python3 ../workbooks/mkbook.py "$TMP" wide && cd "$TMP" &&
	zhili-cat --reject rej.tsv wide.xlsx; cat rej.tsv
