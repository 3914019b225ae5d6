# An 18-digit ID typed as a number: read whole, with a warning
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat longid.xlsx
