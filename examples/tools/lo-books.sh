#!/bin/sh
# lo-books.sh: the example data's workbooks written by LibreOffice, as
# staff save an export in an office suite: each CSV file typed by
# csv2xlsx.py (dates as dates, numbers as numbers, the rest text), then
# opened and saved by LibreOffice Calc (headless) as .xlsx (its own XML:
# shared strings, its styles and number formats) or .xls (Excel 97).
# The workbooks are committed: the tests read them and need neither
# LibreOffice nor openpyxl (tests/examples/workbooks-lo.sh).  Run from
# anywhere in the tree to make them again; needs soffice (Debian's
# libreoffice-calc-nogui) and python3-openpyxl.  OUT: another folder for
# the workbooks (the same paths under it), to compare.
#
#   sh examples/tools/lo-books.sh
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=${OUT:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# book CSV BOOK: BOOK (.xlsx or .xls, under $out) from CSV
book() {
	name=$(basename "${2%.*}")
	ext=${2##*.}
	/usr/bin/python3 examples/tools/csv2xlsx.py "$1" "$tmp/$name.xlsx"
	soffice -env:UserInstallation="file://$tmp/profile" --headless \
	    --convert-to "$ext" --outdir "$tmp/lo" "$tmp/$name.xlsx" > /dev/null
	mkdir -p "$out/$(dirname "$2")"
	mv "$tmp/lo/$name.$ext" "$out/$2"
	echo "$out/$2: $(wc -c < "$out/$2") bytes"
}

book examples/data/cases-2024.csv examples/data/cases-2024.xlsx
book examples/data/workers/roster.csv examples/data/workers-roster.xls
