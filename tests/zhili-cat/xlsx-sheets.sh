# The first sheet in the workbook's order; --sheet by name, by number, name case ignored
python3 ../workbooks/mkbook.py "$TMP" sheets && cd "$TMP" &&
	zhili-cat sheets.xlsx && zhili-cat --sheet 案件 sheets.xlsx && zhili-cat --sheet 3 sheets.xlsx && zhili-cat --sheet "sheet 3" < sheets.xlsx
