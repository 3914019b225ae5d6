# Macros and external links: the values read, a warning each
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat macros.xlsm links.xlsx
