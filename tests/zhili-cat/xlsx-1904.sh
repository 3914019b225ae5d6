# Serial dates in the 1904 system (workbookPr date1904)
python3 ../workbooks/mkbook.py "$TMP" dates && cd "$TMP" &&
	zhili-cat d1904.xlsx
