# A workbook through a pipe reads as a file does
python3 ../workbooks/mkbook.py "$TMP" types && cd "$TMP" &&
	cat types.xlsx | zhili-cat -o csv
