# The example data saved as workbooks (.xlsx, by python3-openpyxl through
# examples/tools/csv2xlsx.py: dates as dates, numbers as numbers) gives
# every program the same records and figures as the CSV files: the same
# output, exit status and count of records rejected.  One line per check:
# PASS, or FAIL and the differences (-: from CSV, +: from the workbooks).
# Needs a python3 with openpyxl (Debian's python3-openpyxl).
top=../..
data=$top/examples/data
py=
for p in /usr/bin/python3 python3; do
	"$p" -c 'import openpyxl' 2> /dev/null && py=$p && break
done
[ -n "$py" ] || { echo "FAIL no python3 with openpyxl (make deps)"; exit 1; }
# the CSV files, in $TMP/csv, and their workbooks, in $TMP/xlsx
(cd "$data" && find . -name '*.csv') | sort > "$TMP/list"
while read -r f; do
	mkdir -p "$TMP/csv/$(dirname "$f")" "$TMP/xlsx/$(dirname "$f")"
	cp "$data/$f" "$TMP/csv/$f"
	echo "$data/$f $TMP/xlsx/${f%.csv}.xlsx"
done < "$TMP/list" > "$TMP/pairs"
# shellcheck disable=SC2046
"$py" "$top/examples/tools/csv2xlsx.py" $(cat "$TMP/pairs") ||
	echo "FAIL csv2xlsx.py"
cp "$data/dual/exclude.yaml" "$data/workers/scale-old.yaml" "$TMP"
# check NAME COMMAND...: the command, its files (*.csv) given as workbooks
. ../tools/same
check() {
	name=$1
	shift
	same "$name" "cd '$TMP/csv' && $*" \
		"cd '$TMP/xlsx' && $(echo "$*" | sed 's/\.csv/.xlsx/g')"
}
asof="--as-of '2025-01-20 00:00:00'"
check "zhili-cat cases" zhili-cat cases-2024.csv
check "zhili-cat cases (GBK)" zhili-cat cases-2024-gbk.csv
check "zhili-cat cases sample (GBK)" zhili-cat cases-sample-gbk.csv
check "case-stats" case-stats "$asof" cases-2024.csv
check "case-stats by community" case-stats "$asof" -b community --total \
	cases-2024-gbk.csv
check "case-stats by month, category" case-stats "$asof" \
	-b month,category --total cases-2024.csv
check "case-stats --records" case-stats "$asof" --records cases-2024.csv
check "grid-import" grid-import roster/*/*.csv
check "grid-import --summary" grid-import --summary --total roster/*/*.csv
check "volunteer-points teams" volunteer-points --as-of 2026-01-15 \
	--report teams --total volunteers/*.csv
check "volunteer-points ledger" volunteer-points --as-of 2026-01-15 \
	--report ledger volunteers/*.csv
check "worker-salary" worker-salary workers/roster.csv workers/items-2025.csv
check "worker-salary --summary" worker-salary --summary --by post --total \
	workers/roster.csv workers/items-2025.csv
check "dual-report" dual-report -c ../exclude.yaml --report communities \
	--year 2025 --total dual/*.csv
check "dual-report units" dual-report --report units --year 2025 dual/*.csv
