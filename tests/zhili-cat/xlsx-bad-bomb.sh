# A zip bomb: a part that inflates past the limit is not read (exit 3)
python3 ../workbooks/mkbook.py "$TMP" bomb && cd "$TMP" &&
	zhili-cat bomb.xlsx
