# A zip bomb through a pipe
python3 ../workbooks/mkbook.py "$TMP" bomb && cd "$TMP" &&
	zhili-cat < bomb.xlsx
