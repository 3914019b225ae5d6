#!/bin/sh
# bench/xlsx-write.sh: writing xlsx (make bench-xlsx-write; issue 15, item
# 8).  The million case records of bench/data/cases-1m.tsv (made by
# make bench; ROWS=n takes the first n) written as a workbook by
# zhili-cat -o xlsx and by openpyxl in write-only mode
# (bench/openpyxl-write.py: the same values, dates as dates); the target:
# zhili-cat at least 3 times as fast.  Then both workbooks are read back
# with openpyxl and compared cell by cell (bench/xlsx-check.py; CHECK=n:
# the first n rows only).  One run each (openpyxl takes minutes): wall
# and CPU seconds and peak memory from /usr/bin/time.  Results also in
# bench/out/xlsx-write.txt.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
ROWS=${ROWS:-1000000}
PY=/usr/bin/python3 # Debian's, with python3-openpyxl
. bench/lib.sh
cases=$data/cases-1m.tsv
if [ ! -s "$cases" ]; then
	echo "no $cases: make bench makes it" >&2
	exit 1
fi
if [ "$ROWS" != 1000000 ]; then
	head -n $((ROWS + 1)) "$cases" > "$data/cases-$ROWS.tsv" || exit 1
	cases=$data/cases-$ROWS.tsv
fi

timed zl "$out/cases-zhili.xlsx" "$BUILD/bin/zhili-cat" -o xlsx "$cases" ||
	exit 1
timed py /dev/null "$PY" bench/openpyxl-write.py "$cases" \
	"$out/cases-openpyxl.xlsx" || exit 1
check=$("$PY" bench/xlsx-check.py "$out/cases-zhili.xlsx" \
	"$out/cases-openpyxl.xlsx" ${CHECK:+"$CHECK"}) || status=1
{
	echo "xlsx-write bench, $(date '+%Y-%m-%d %H:%M'), load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "data: $cases, $(wc -c < "$cases") bytes, $ROWS records of $(head -n 1 "$cases" | awk -F '\t' '{ print NF }') fields"
	printf '%-26s %8s %8s %10s %12s\n' writer wall cpu "peak KB" "xlsx bytes"
	printf '%-26s %8s %8s %10s %12s\n' "zhili-cat -o xlsx" "$zl_wall" \
		"$zl_cpu" "$zl_kb" "$(wc -c < "$out/cases-zhili.xlsx")"
	printf '%-26s %8s %8s %10s %12s\n' "openpyxl write-only" "$py_wall" \
		"$py_cpu" "$py_kb" "$(wc -c < "$out/cases-openpyxl.xlsx")"
	echo "check: $check"
	echo "$py_wall $zl_wall $py_cpu $zl_cpu" | awk '{
		printf "openpyxl / zhili-cat: %.1f wall, %.1f cpu (need 3): %s\n",
		    $1 / $2, $3 / $4, $1 / $2 >= 3 ? "PASS" : "MISS" }'
} | tee "$out/xlsx-write.txt"
exit ${status:-0}
