# An .xls workbook (tests/workbooks/cases-sample.xls, made by python3-xlwt
# from the GBK sample export: tests/workbooks/mkxls.py) gives the records
# of the CSV, dates typed as dates
zhili-cat ../workbooks/cases-sample.xls > "$TMP/xls" &&
	zhili-cat ../../examples/data/cases-sample-gbk.csv 2> /dev/null |
	cmp - "$TMP/xls" && cat "$TMP/xls"
