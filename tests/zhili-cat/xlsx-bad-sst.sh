# A cell whose shared string is not there: the workbook is corrupt (exit 3)
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat badsst.xlsx
