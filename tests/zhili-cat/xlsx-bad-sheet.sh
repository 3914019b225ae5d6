# A sheet that is not there: the sheets listed (exit 3)
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat --sheet 说 sheets.xlsx
