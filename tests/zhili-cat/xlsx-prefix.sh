# A workbook's parts with a namespace prefix (x:row), as some writers give them
python3 ../workbooks/mkbook.py "$TMP" types && cd "$TMP" &&
	zhili-cat prefix.xlsx
