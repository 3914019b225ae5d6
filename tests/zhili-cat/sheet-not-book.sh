# --sheet is for workbooks: an input that is not one (CSV, TSV, standard
# input) is read as it is, with a warning naming it, once per file; a
# workbook among the inputs is read at the sheet named, without one.
python3 ../workbooks/mkbook.py "$TMP" sheets &&
	zhili-cat --sheet 2 data/people.tsv - < data/people2.tsv; echo "exit $?"
printf 'sheet,which\nfrom-csv,0\n' > "$TMP/s.csv"
cd "$TMP" && zhili-cat --sheet 案件 s.csv sheets.xlsx; echo "exit $?"
