#!/bin/sh
# bench/worker-salary.sh: the worker-salary benchmark (make
# bench-worker-salary).  A roster of 100,000 generated community workers
# and a year of their monthly pay items, 1,200,000 rows
# (bench/gen-workers.awk), as TSV and as CSV, two files as
# examples/data/workers/ has them; a year of payslips,
#
#	worker-salary ROSTER ITEMS
#
# timed against zhili-cat reading the same two files (target: at most 3×
# its time).  The figures are checked first: worker-salary exits 0 with
# nothing rejected and nothing on standard error, writes a payslip per
# worker and month, the same from CSV as from TSV, and the gross of all
# payslips equals the sum computed from the two files by awk apart from
# worker-salary (bench/gross-workers.awk).  Best of RUNS after a warm-up
# run, output to /dev/null; results in bench/out/worker-salary.*.
#
#	sh bench/worker-salary.sh
#	WORKERS=10000 RUNS=5 sh bench/worker-salary.sh
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
WORKERS=${WORKERS:-100000}
RUNS=${RUNS:-3}
WORKER_SALARY=${WORKER_SALARY:-$BUILD/bin/worker-salary}
ZHILI_CAT=${ZHILI_CAT:-$BUILD/bin/zhili-cat}
GEN_AWK=${GEN_AWK:-$(command -v mawk || echo awk)}

# The jobs timed (and checked).
ws() { # ROSTER ITEMS
	"$WORKER_SALARY" "$1" "$2"
}
zcat2() { # ROSTER ITEMS
	"$ZHILI_CAT" "$1" && "$ZHILI_CAT" "$2"
}
if [ "${1:-}" = run ]; then
	shift
	job=$1
	shift
	"$job" "$@"
	exit
fi

. bench/lib.sh

# 1. The data, made again only when missing or older than the generator.
case $WORKERS in
100000) tag=100k ;;
*) tag=$WORKERS ;;
esac
ROWS=$((WORKERS * 12))
gen() { # EXT FS_OUT
	r=$data/workers-$tag.$1
	i=$data/worker-items-$tag.$1
	if [ ! -s "$r" ] || [ ! -s "$i" ] || newer bench/gen-workers.awk "$r"; then
		say "generating $r ($WORKERS rows) and $i ($ROWS rows)"
		"$GEN_AWK" -v WORKERS="$WORKERS" -v FS_OUT="$2" \
		    -v OUT="$r.tmp" -v ITEMOUT="$i.tmp" \
		    -f bench/gen-workers.awk &&
			mv "$r.tmp" "$r" && mv "$i.tmp" "$i" || exit 1
	fi
}
gen tsv tab
gen csv comma
rtsv=$data/workers-$tag.tsv
itsv=$data/worker-items-$tag.tsv
rcsv=$data/workers-$tag.csv
icsv=$data/worker-items-$tag.csv
bytes() {
	cat "$@" | wc -c | tr -d ' '
}
tsvbytes=$(bytes "$rtsv" "$itsv")
csvbytes=$(bytes "$rcsv" "$icsv")

for p in "$WORKER_SALARY" "$ZHILI_CAT"; do
	command -v "$p" > /dev/null || {
		say "bench: $p: not found (make all)"
		exit 1
	}
done
cat "$rtsv" "$itsv" "$rcsv" "$icsv" > /dev/null || exit 1

# 2. The figures agree.
checks=
check() { # NAME RESULT
	checks="$checks$(printf '%-60s %s' "$1" "$2")
"
	[ "$2" != FAIL ] || status=1
}
c=$out/worker-salary.check
rm -f "$c".*
say "checking the figures"
ws "$rtsv" "$itsv" > "$c.ws-tsv" 2> "$c.ws-tsv.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$c.ws-tsv.err" ]; then
	check "worker-salary TSV: exit 0, nothing rejected" PASS
else
	check "worker-salary TSV: exit $rc, stderr $(wc -l < \
	    "$c.ws-tsv.err") lines" FAIL
fi
ws "$rcsv" "$icsv" > "$c.ws-csv" 2> "$c.ws-csv.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$c.ws-csv.err" ]; then
	check "worker-salary CSV: exit 0, nothing rejected" PASS
else
	check "worker-salary CSV: exit $rc, stderr $(wc -l < \
	    "$c.ws-csv.err") lines" FAIL
fi
if cmp -s "$c.ws-tsv" "$c.ws-csv"; then
	check "worker-salary: the same payslips from CSV and TSV" PASS
else
	check "worker-salary: the same payslips from CSV and TSV" FAIL
fi
n=$(($(wc -l < "$c.ws-tsv") - 1))
if [ "$n" -eq "$ROWS" ]; then
	check "worker-salary: $n payslips" PASS
else
	check "worker-salary: $n payslips, not $ROWS" FAIL
fi
# The gross of all payslips, in fen (the amounts have two decimals),
# against bench/gross-workers.awk on each input.
gross=$(awk -F '\t' 'NR == 1 {
	for (i = 1; i <= NF; i++)
		if ($i == "gross")
			g = i
	next
}
{ split($g, a, "."); s += a[1] * 100 + a[2] }
END { printf "%.0f", s }' "$c.ws-tsv")
for ext in tsv csv; do
	eval "r=\$r$ext i=\$i$ext"
	case $ext in
	csv) fs=, ;;
	*) fs='	' ;;
	esac
	want=$(awk -F "$fs" -f bench/gross-workers.awk "$r" "$i")
	if [ -n "$gross" ] && [ "$gross" = "$want" ]; then
		check "gross of the year = awk's from the $ext ($gross fen)" PASS
	else
		check "gross of the year $gross fen, awk's from the $ext $want" FAIL
	fi
done
[ $status -ne 0 ] || rm -f "$c".*

# 3. Timings: "bench ID TOOL INPUT BYTES CMD..." runs CMD > /dev/null RUNS
# times after a warm-up run and appends the best to worker-salary.tsv.
printf 'id\ttool\tinput\trows\tbytes\tseconds\tmb_s\tcpu_seconds\n' \
    > "$out/worker-salary.tsv"
bench() {
	id=$1 tool=$2 input=$3 b=$4
	shift 4
	say "timing $tool on $input"
	best_time "$out/worker-salary.$id" "$@" || {
		check "$tool on $input: command failed" FAIL
		return
	}
	awk -v id="$id" -v tool="$tool" -v input="$input" -v rows="$ROWS" \
	    -v b="$b" -v s="$secs" -v cpu="$cpu" 'BEGIN {
		printf "%s\t%s\t%s\t%d\t%d\t%.4f\t%.1f\t%s\n", id, tool, input,
		    rows, b, s, (s > 0 ? b / s / 1e6 : 0), cpu }' \
	    >> "$out/worker-salary.tsv"
}
me="sh bench/worker-salary.sh run"
# shellcheck disable=SC2086
{
	bench zcat-tsv "zhili-cat (both files)" TSV "$tsvbytes" $me zcat2 "$rtsv" "$itsv"
	bench ws-tsv "worker-salary payslips" TSV "$tsvbytes" $me ws "$rtsv" "$itsv"
	bench zcat-csv "zhili-cat (both files)" CSV "$csvbytes" $me zcat2 "$rcsv" "$icsv"
	bench ws-csv "worker-salary payslips" CSV "$csvbytes" $me ws "$rcsv" "$icsv"
}

# 4. The report.
{
	echo "zhili worker-salary bench, $(date '+%Y-%m-%d %H:%M')," \
	    "load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)"
	echo "tools: $("$WORKER_SALARY" --version 2>/dev/null | head -n 1)"
	echo "source: commit $(git rev-parse --short HEAD 2>/dev/null)$(
	    git diff --quiet HEAD -- cmd/worker-salary lib 2>/dev/null ||
	    echo ' (cmd/worker-salary or lib changed since)')"
	echo "data: $WORKERS workers, $ROWS rows of monthly items; TSV" \
	    "$tsvbytes bytes, CSV $csvbytes bytes"
	echo "timer: $TIMER, best of $RUNS after a warm-up run, output to" \
	    "/dev/null; MB = 10^6 bytes of input"
	echo
	awk -F '\t' 'NR == 1 {
		printf "%-32s %-5s %9s %9s %9s\n", "tool", "input", "seconds",
		    "MB/s", "cpu s"
		next
	}
	{ printf "%-32s %-5s %9.3f %9.1f %9s\n", $2, $3, $6, $7, $8 }' \
	    "$out/worker-salary.tsv"
	echo
	awk -F '\t' 'NR > 1 { t[$1] = $6 }
	function target(name, a, b, need, below,   r) {
		if (!(a in t) || !(b in t) || t[b] <= 0) {
			printf "%-44s %8s %10s  %s\n", name, "-", need, "n/a"
			return
		}
		r = t[a] / t[b]
		printf "%-44s %7.2fx %10s  %s\n", name, r, need,
		    r <= below ? "PASS" : "MISS"
	}
	END {
		printf "%-44s %8s %10s  %s\n", "target", "ratio", "need", "result"
		target("TSV: worker-salary / zhili-cat", "ws-tsv",
		    "zcat-tsv", "<= 3x", 3)
		target("CSV: worker-salary / zhili-cat", "ws-csv",
		    "zcat-csv", "<= 3x", 3)
	}' "$out/worker-salary.tsv"
	echo
	printf '%-60s %s\n' check result
	printf '%s' "$checks"
} > "$out/worker-salary.txt"
cat "$out/worker-salary.txt"
[ -s "$out/worker-salary.history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/worker-salary.tsv")" \
	    > "$out/worker-salary.history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/worker-salary.tsv" | sed "s/^/$d	/" \
    >> "$out/worker-salary.history.tsv"
exit $status
