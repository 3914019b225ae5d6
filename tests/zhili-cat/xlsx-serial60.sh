# Serial dates in the 1900 system: 1900-02-29 (serial 60) as Excel shows it
python3 ../workbooks/mkbook.py "$TMP" dates && cd "$TMP" &&
	zhili-cat serial60.xlsx
