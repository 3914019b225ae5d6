# --sheet: the sheets of the first workbook on the line (.xlsx, .xls),
# from zhili-cat's message for a sheet it does not have; none for a CSV or
# a file not there.  The fields are those of the sheet --sheet names.
t=$PWD
w=$(cd ../.. && pwd)
cd "$TMP" || exit
cp "$w/examples/data/cases-sample.xlsx" "$w/tests/workbooks/cases-sample.xls" .
printf 'a,b\n1,2\n' > x.csv
bash "$t/complete.bash" 'zhili-cat cases-sample.xlsx --sheet ' \
	'case-stats cases-sample.xlsx --sheet=案' \
	'case-stats cases-sample.xls --sheet ' \
	'case-stats cases-sample.xls --sheet=其' \
	'zhili-cat x.csv --sheet ' 'zhili-cat no.xlsx --sheet ' \
	'zhili-cat cases-sample.xls --sheet=其他 -f ' \
	'zhili-cat cases-sample.xls --sheet 2 -f s'
