#!/bin/sh
# bench/run.sh: the benchmark of the record layer (make bench).  Builds
# bench/gen.c and bench/splitter.c, generates a million cases as TSV and as
# CSV (once), checks that zhili-cat and Miller agree on them, times
# zhili-cat (TSV, CSV and JSON out), Miller, gawk and the splitter
# baseline on them and prints a table with the targets of the issues.
# Results also go to bench/out/.
#
# Environment: BUILD (build), CC (cc), ROWS (1000000), RUNS (3: the best
# of RUNS is kept), ZHILI_CAT (BUILD/bin/zhili-cat), TIMER (hyperfine when
# installed, else date, else time).  Exit status 1 when a check or a
# command failed; a missed target is reported, not an error.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
ZHILI_CAT=${ZHILI_CAT:-$BUILD/bin/zhili-cat}
LC_ALL=C
export LC_ALL
. bench/lib.sh

# 1. The programs (gen, splitter); 2. the data, when missing or older
# than the generator.
cases_data || exit 1
tsvbytes=$(wc -c < "$tsv" | tr -d ' ')
csvbytes=$(wc -c < "$csv" | tr -d ' ')

# The tools there are.
zcat=$(command -v "$ZHILI_CAT") || {
	say "bench: $ZHILI_CAT: not found (make all, or set ZHILI_CAT)"
	exit 1
}
zname=$(basename "$ZHILI_CAT")
mlr=$(command -v mlr)
awk=$(command -v gawk)
[ -n "$mlr" ] || say "bench: no mlr: Miller is left out (make bench-deps)"

# Page cache: read each file once.
"$bin/splitter" "$tsv" > /dev/null && "$bin/splitter" "$csv" > /dev/null ||
	exit 1

# 3. The outputs agree: zhili-cat gives the same TSV from the CSV and from
# the TSV, and as many lines as Miller.
rm -f "$out"/check.*
"$zcat" "$csv" > "$out/check.zcsv" || status=1
"$zcat" "$tsv" > "$out/check.ztsv" || status=1
lines=$(($(wc -l < "$out/check.zcsv")))
checks=
check() { # NAME RESULT
	checks="$checks$(printf '%-48s %s' "$1" "$2")
"
}
if cmp -s "$out/check.zcsv" "$out/check.ztsv"; then
	check "$zname CSV = $zname TSV" PASS
else
	check "$zname CSV = $zname TSV" FAIL
	status=1
fi
if [ "$lines" -eq $((ROWS + 1)) ]; then
	check "$zname CSV: $lines lines (header + $ROWS)" PASS
else
	check "$zname CSV: $lines lines, not $((ROWS + 1))" FAIL
	status=1
fi
if [ -n "$mlr" ]; then
	mlr --icsv --otsv cat "$csv" > "$out/check.mcsv" || status=1
	mlines=$(($(wc -l < "$out/check.mcsv")))
	if [ "$mlines" -eq "$lines" ]; then
		check "mlr CSV->TSV: $mlines lines, as $zname" PASS
	else
		check "mlr CSV->TSV: $mlines lines, $zname $lines" FAIL
		status=1
	fi
	if cmp -s "$out/check.mcsv" "$out/check.zcsv"; then
		check "mlr CSV->TSV = $zname CSV (bytes)" "same (info)"
	else
		check "mlr CSV->TSV = $zname CSV (bytes)" "differs (info)"
	fi
fi
if cmp -s "$tsv" "$out/check.ztsv"; then
	check "$zname TSV = input TSV (bytes)" "same (info)"
else
	check "$zname TSV = input TSV (bytes)" "differs (info)"
fi
# The writers: the TSV written as CSV reads back as the same TSV; the
# JSON has a line a record.
"$zcat" -o csv "$tsv" > "$out/check.zcsvout" || status=1
"$zcat" "$out/check.zcsvout" > "$out/check.zback" || status=1
if cmp -s "$out/check.zback" "$out/check.ztsv"; then
	check "$zname TSV->CSV->TSV = $zname TSV" PASS
else
	check "$zname TSV->CSV->TSV = $zname TSV" FAIL
	status=1
fi
rm -f "$out/check.zcsvout" "$out/check.zback"
jlines=$(($("$zcat" -o json "$tsv" | wc -l)))
if [ "$jlines" -eq "$ROWS" ]; then
	check "$zname TSV->JSON: $jlines lines" PASS
else
	check "$zname TSV->JSON: $jlines lines, not $ROWS" FAIL
	status=1
fi
# Keep the outputs only when they disagree.
[ $status -ne 0 ] || rm -f "$out"/check.*

# 4. Timings: "bench ID TOOL INPUT BYTES CMD..." runs CMD > /dev/null
# RUNS times after a warm-up run and appends the best to results.tsv.
printf 'id\ttool\tinput\trows\tbytes\tseconds\tmb_s\tcpu_seconds\n' \
    > "$out/results.tsv"
bench() {
	id=$1 tool=$2 input=$3 bytes=$4
	shift 4
	say "timing $tool on $input"
	best_time "$out/$id" "$@" || return 1
	awk -v id="$id" -v tool="$tool" -v input="$input" -v rows="$ROWS" \
	    -v b="$bytes" -v s="$secs" -v cpu="$cpu" 'BEGIN {
		printf "%s\t%s\t%s\t%d\t%d\t%.4f\t%.1f\t%s\n", id, tool,
		    input, rows, b, s, (s > 0 ? b / s / 1e6 : 0), cpu }' \
	    >> "$out/results.tsv"
}
bench split splitter TSV "$tsvbytes" "$bin/splitter" "$tsv" || status=1
bench ztsv "$zname" TSV "$tsvbytes" "$zcat" "$tsv" || status=1
bench zcsv "$zname" CSV "$csvbytes" "$zcat" "$csv" || status=1
bench zto_csv "$zname -o csv" TSV "$tsvbytes" "$zcat" -o csv "$tsv" ||
	status=1
bench zto_json "$zname -o json" TSV "$tsvbytes" "$zcat" -o json "$tsv" ||
	status=1
if [ -n "$mlr" ]; then
	bench mtsv "mlr --tsv cat" TSV "$tsvbytes" mlr --tsv cat "$tsv" ||
		status=1
	bench mcsv "mlr --icsv --otsv cat" CSV "$csvbytes" \
	    mlr --icsv --otsv cat "$csv" || status=1
fi
if [ -n "$awk" ]; then
	# shellcheck disable=SC2016
	bench atsv "gawk split+join" TSV "$tsvbytes" \
	    gawk -F '\t' -v 'OFS=\t' '{ $1 = $1; print }' "$tsv" || status=1
fi

# 5. The report.
{
	echo "zhili bench, $(date '+%Y-%m-%d %H:%M')"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)," \
	    "$(awk '$1 == "MemTotal:" { printf "%.0f GB RAM", $2 / 1048576 }' \
	    /proc/meminfo 2>/dev/null)"
	echo "tools: $($CC --version 2>/dev/null | head -n 1);" \
	    "$("$zcat" --version 2>/dev/null | head -n 1);" \
	    "$([ -n "$mlr" ] && mlr --version);" \
	    "$([ -n "$awk" ] && gawk --version | head -n 1)"
	echo "data: $ROWS rows; $tsv $tsvbytes bytes, $csv $csvbytes bytes"
	echo "timer: $TIMER, best of $RUNS after a warm-up run, output to" \
	    "/dev/null; MB = 10^6 bytes of input"
	echo
	awk -F '\t' 'NR == 1 {
		printf "%-24s %-5s %9s %9s %9s\n", "tool", "input", "seconds",
		    "MB/s", "cpu s"
		next
	}
	{ printf "%-24s %-5s %9.3f %9.1f %9s\n", $2, $3, $6, $7, $8 }' \
	    "$out/results.tsv"
	echo
	# The ratio of CPU times (user + system) is for information: on a
	# busy machine it moves less than the ratio of wall-clock times.
	awk -F '\t' -v z="$zname" 'NR > 1 { t[$1] = $6; c[$1] = $8 }
	function target(name, a, b, need, fmt) {
		cr = "-"
		if (c[a] + 0 > 0 && c[b] + 0 > 0)
			cr = sprintf(fmt, c[a] / c[b])
		if (!(a in t) || !(b in t) || t[b] <= 0) {
			printf "%-44s %8s %8s  %-6s %8s\n", name, "-", \
			    sprintf(fmt, need), "n/a", cr
			return
		}
		r = t[a] / t[b]
		printf "%-44s %8s %8s  %-6s %8s\n", name, sprintf(fmt, r), \
		    sprintf(fmt, need), r >= need ? "PASS" : "MISS", cr
	}
	END {
		printf "%-44s %8s %8s  %-6s %8s\n", "target", "ratio", "need",
		    "result", "cpu"
		target("TSV->TSV: " z " vs splitter throughput", "split",
		    "ztsv", 0.40, "%.2f")
		target("TSV->CSV: " z " vs splitter throughput", "split",
		    "zto_csv", 0.40, "%.2f")
		target("TSV->JSON: " z " vs splitter throughput", "split",
		    "zto_json", 0.40, "%.2f")
		target("TSV->TSV: " z " vs mlr --tsv cat", "mtsv", "ztsv", 10,
		    "%.1fx")
		target("CSV->TSV: " z " vs mlr --icsv --otsv cat", "mcsv",
		    "zcsv", 5, "%.1fx")
	}' "$out/results.tsv"
	echo
	printf '%-48s %s\n' check result
	printf '%s' "$checks"
} > "$out/results.txt"
cat "$out/results.txt"
# One line per timing, kept across runs.
[ -s "$out/history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/results.tsv")" \
	    > "$out/history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/results.tsv" | sed "s/^/$d	/" >> "$out/history.tsv"
exit $status
