# An .xlsx read as CSV is: its values as Excel shows them (tests/workbooks/mkbook.py says which)
python3 ../workbooks/mkbook.py "$TMP" types && cd "$TMP" &&
	zhili-cat types.xlsx
