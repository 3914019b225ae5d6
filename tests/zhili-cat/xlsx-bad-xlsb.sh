# A bad workbook (xlsb.xlsb): one line naming the file, exit 3
python3 ../workbooks/mkbook.py "$TMP" bad && cd "$TMP" &&
	zhili-cat xlsb.xlsb
