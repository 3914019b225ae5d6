#!/bin/sh
# bench/xlsx-read.sh: reading xlsx (make bench-xlsx-read; issue 15, item
# 8).  The million case records of bench/data/cases-1m.tsv (made by
# make bench; ROWS=n takes the first n) as two workbooks, made once (in
# bench/data): cases-1m.xlsx by zhili-cat -o xlsx (inline strings, as
# libxlsxwriter and openpyxl write them), cases-1m-lo.xlsx by LibreOffice
# from the CSV (shared strings, as Excel writes them; minutes; left out
# without soffice, or with LO=no).  Each read to CSV by zhili-cat -o csv,
# xlsx2csv (-f: dates as zhili-cat writes them) and openpyxl in read-only
# mode (bench/openpyxl-read.py), and to TSV by zhili-cat.  The targets:
# zhili-cat at least 5 times as fast as openpyxl and as fast as xlsx2csv.
# Checks: zhili-cat's TSV is the TSV the workbook was written from, its
# CSV holds the cells the others' do (bench/xlsx-read-check.py).  One run
# each: wall and CPU seconds and peak memory from /usr/bin/time.
# Results also in bench/out/xlsx-read.txt; exit status 1 when a check
# or a reader failed.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
ROWS=${ROWS:-1000000}
PY=/usr/bin/python3 # Debian's, with python3-openpyxl
# xlsx2csv's dates as zhili-cat's: it takes the 'h' of yyyy-mm-dd h:mm:ss
# (openpyxl's format) for a 12-hour clock
DATES='%Y-%m-%d %H:%M:%S'
. bench/lib.sh
zl=$BUILD/bin/zhili-cat
cases=$data/cases-1m.tsv
if [ ! -s "$cases" ]; then
	echo "no $cases: make bench makes it" >&2
	exit 1
fi
tag=1m
if [ "$ROWS" != 1000000 ]; then
	tag=$ROWS
	f=$data/cases-$tag.tsv
	if [ ! -s "$f" ] || newer "$cases" "$f"; then
		head -n $((ROWS + 1)) "$cases" > "$f" || exit 1
	fi
	cases=$f
fi
books=$data/cases-$tag.xlsx
if [ "${LO:-}" = no ]; then
	:
elif command -v soffice > /dev/null; then
	books="$books $data/cases-$tag-lo.xlsx"
else
	say "no soffice (apt-get install libreoffice-calc-nogui): only $books"
fi
for b in $books; do
	[ -s "$b" ] && ! newer "$cases" "$b" && continue
	say "making $b"
	case $b in
	*-lo.xlsx)
		# UTF-8 CSV, comma, double quotes; the types as Calc finds them
		n=${b##*/}
		n=${n%.xlsx}
		tmp=$(mktemp -d) &&
		    "$zl" -o csv "$cases" > "$tmp/$n.csv" &&
		    soffice -env:UserInstallation="file://$tmp/profile" \
		    --headless --infilter=CSV:44,34,76,1 --convert-to xlsx \
		    --outdir "$tmp" "$tmp/$n.csv" > /dev/null 2>&1 &&
		    mv "$tmp/$n.xlsx" "$b.tmp.xlsx"
		rc=$?
		rm -rf "$tmp"
		[ $rc = 0 ]
		;;
	*) "$zl" -o xlsx "$cases" > "$b.tmp.xlsx" ;;
	esac || { say "could not make $b"; exit 1; }
	mv "$b.tmp.xlsx" "$b" || exit 1
done

# bench BOOK: the four readers on it, the checks, the report's lines
bench() {
	o=$out/xlsx-read
	timed zc "$o-zl.csv" "$zl" -o csv "$1" || return 1
	timed zt "$o-zl.tsv" "$zl" "$1" || return 1
	timed xc "$o-x2c.csv" xlsx2csv -f "$DATES" "$1" || return 1
	timed py "$o-py.csv" "$PY" bench/openpyxl-read.py "$1" || return 1
	echo "workbook: $1, $(wc -c < "$1") bytes"
	printf '%-26s %8s %8s %10s\n' reader wall cpu "peak KB"
	printf '%-26s %8s %8s %10s\n' "zhili-cat -o csv" "$zc_wall" \
	    "$zc_cpu" "$zc_kb" "zhili-cat (TSV)" "$zt_wall" "$zt_cpu" \
	    "$zt_kb" "xlsx2csv -f" "$xc_wall" "$xc_cpu" "$xc_kb" \
	    "openpyxl read-only" "$py_wall" "$py_cpu" "$py_kb"
	if cmp -s "$cases" "$o-zl.tsv"; then
		echo "check: zhili-cat's TSV is $cases"
	else
		echo "check: zhili-cat's TSV DIFFERS from $cases"
	fi
	for f in x2c py; do
		printf 'check: zhili-cat -o csv and %s: ' "$f"
		"$PY" bench/xlsx-read-check.py "$o-zl.csv" "$o-$f.csv"
	done
	echo "$py_wall $xc_wall $zc_wall $py_cpu $xc_cpu $zc_cpu" | awk '{
		printf "openpyxl / zhili-cat: %.1f wall, %.1f cpu (need 5): %s\n",
		    $1 / $3, $4 / $6, $1 / $3 >= 5 ? "PASS" : "MISS"
		printf "xlsx2csv / zhili-cat: %.1f wall, %.1f cpu (need 1): %s\n",
		    $2 / $3, $5 / $6, $2 / $3 >= 1 ? "PASS" : "MISS" }'
}

{
	echo "xlsx-read bench, $(date '+%Y-%m-%d %H:%M'), load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "data: $cases, $(wc -c < "$cases") bytes, $ROWS records of $(head -n 1 "$cases" | awk -F '\t' '{ print NF }') fields"
	for b in $books; do
		echo
		bench "$b" || echo "$b: a reader FAILED"
	done
} | tee "$out/xlsx-read.txt"
# the exit status: 1 when a check or a reader failed
! grep -q 'DIFFER\|FAILED' "$out/xlsx-read.txt"
