# The example exports saved by LibreOffice, a second writer of workbooks
# (examples/tools/lo-books.sh made the committed files: shared strings,
# LibreOffice's own styles and number formats; the cases of 2024 as
# .xlsx, the community workers' roster as Excel 97 .xls), give the
# programs the same records and figures as the CSV copies: the same
# output, exit status and count of records rejected.  One line per check:
# PASS, or FAIL and the differences (-: from CSV, +: from the workbook).
. ../tools/same
cd ../../examples/data || exit 1
asof="--as-of '2025-01-20 00:00:00'"
same "zhili-cat cases-2024.xlsx" "zhili-cat cases-2024.csv" \
	"zhili-cat cases-2024.xlsx"
same "case-stats" "case-stats $asof cases-2024.csv" \
	"case-stats $asof cases-2024.xlsx"
same "case-stats by community" \
	"case-stats $asof -b community --total cases-2024.csv" \
	"case-stats $asof -b community --total cases-2024.xlsx"
same "case-stats by month, category" \
	"case-stats $asof -b month,category --total cases-2024.csv" \
	"case-stats $asof -b month,category --total cases-2024.xlsx"
same "case-stats --records" "case-stats $asof --records cases-2024.csv" \
	"case-stats $asof --records cases-2024.xlsx"
# The copy lies beside workers/, not in it: zhili-report reads every
# workbook in workers/ as a roster of its own.
w=workers
same "worker-salary workers-roster.xls" \
	"worker-salary $w/roster.csv $w/items-2025.csv" \
	"worker-salary workers-roster.xls $w/items-2025.csv"
same "worker-salary --summary workers-roster.xls" \
	"worker-salary --summary --by post --total $w/roster.csv $w/items-2025.csv" \
	"worker-salary --summary --by post --total workers-roster.xls $w/items-2025.csv"
