# The charts: four SVG files, each inlined in report.html (its own ids)
# and linked from report.md.  Without gnuplot (GNUPLOT names the program)
# the report is written without charts and says so, on the page and on
# standard error; --no-charts leaves them out quietly.
zhili-report --month 2025-12 --out "$TMP/a" ../../examples/data 2> /dev/null
ls "$TMP/a/zhili-report-2025-12/charts"
grep -c '<svg' "$TMP/a/zhili-report-2025-12/report.html"
grep 'charts/' "$TMP/a/zhili-report-2025-12/report.md"
GNUPLOT=no-such-gnuplot zhili-report --month 2025-12 --out "$TMP/b" ../../examples/data 2>&1 |
	grep -v rejected | sed "s|$TMP|TMP|g"
ls "$TMP/b/zhili-report-2025-12"
grep -c '<svg' "$TMP/b/zhili-report-2025-12/report.html"
grep '没有图表' "$TMP/b/zhili-report-2025-12/report.md"
zhili-report --no-charts --month 2025-12 --out "$TMP/c" ../../examples/data 2>&1 | grep -v rejected | sed "s|$TMP|TMP|g"
