# A sheet that is not well-formed XML: where, exit 3
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat badxml.xlsx
