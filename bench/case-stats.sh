#!/bin/sh
# bench/case-stats.sh: the benchmark of case-stats (make bench-case-stats).
# The reference job: group the generated million cases by community and
# compute total, closed, resolution_pct, hours_mean, hours_median and
# hours_p90, with case-stats and, independently, with a GNU datamash
# pipeline, Miller 6 and gawk alone.  Checks that all of them give the same
# figures, times them (TSV and CSV), measures the peak memory of case-stats
# on five million rows and prints a table with the targets of the issue.
# Results also go to bench/out/case-stats.*.
#
# Environment: BUILD (build), CC (cc), ROWS (1000000), BIG_ROWS (5000000;
# 0: no memory test), RUNS (3: the best of RUNS is kept), CASE_STATS
# (BUILD/bin/case-stats), PREP_AWK (the awk of the datamash pipeline: mawk
# when installed, else gawk), PYTHON (/usr/bin/python3, else python3),
# CONVERTER (python: the CSV -> TSV step of the datamash pipeline; mlr:
# mlr --icsv --otsv cat), TIMER (hyperfine when installed, else date, else
# time).  Exit status 1 when a check or a command failed; a missed target
# is reported, not an error.
#
#     sh bench/case-stats.sh run TOOL FILE
#
# runs one tool's job on FILE (TOOL: cs, dm, mlr, gawk) and writes the
# figures as case-stats writes them: the commands timed are these.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
ROWS=${ROWS:-1000000}
BIG_ROWS=${BIG_ROWS:-5000000}
RUNS=${RUNS:-3}
CASE_STATS=${CASE_STATS:-$BUILD/bin/case-stats}
CONVERTER=${CONVERTER:-python}
if [ -z "${PREP_AWK:-}" ]; then
	PREP_AWK=gawk
	command -v mawk > /dev/null && PREP_AWK=mawk
fi
if [ -z "${PYTHON:-}" ]; then
	PYTHON=python3
	[ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
# Byte order for sorting and comparing; the timestamps are civil times,
# taken as UTC (case-stats counts calendar hours, with no time zone).
LC_ALL=C
TZ=UTC
export LC_ALL TZ

# ---- The job, by each tool ----

# The metrics and case-stats's command.
METRICS=total,closed,resolution_pct,hours_mean,hours_median,hours_p90
HEADER="community	total	closed	resolution_pct	hours_mean	hours_median	hours_p90"

# The status words, as etc/zhili.yaml's case-stats.statuses maps them: a
# closed case has hours (reported_at to closed_at); resolution_pct is
# closed / (total - cancelled).  Open and returned cases count in total.
CLOSED_WORDS='办结 已办结 结案 已结案 已完成'
# The --as-of time, and case-stats(1)'s rule for it, which every peer
# applies too: a case reported after it is left out; a closed or cancelled
# case whose closed_at is after it counts as open.  Times are
# "YYYY-MM-DD HH:MM:SS", so they compare as strings.
AS_OF_DATE=2025-01-01
AS_OF="$AS_OF_DATE 00:00:00"
CANCELLED_WORDS='作废 撤销 重复件 无效'

# Every peer writes the same raw line per group:
#   group total closed cancelled hours_n secs_sum secs_median secs_p90
# (durations in seconds; median and p90 as the tool prints them), and
# NORM turns it into case-stats's figures: exact integer arithmetic,
# rounded once, half away from zero, as cmd/case-stats/output.c does.
# A percentile of whole seconds (R type 7) is a multiple of 0.01 s; the
# peers print it as a float within 1e-6 s of that, which NORM takes (and
# rejects anything further off) before rounding to hundredths of an hour.
# With naive=1 it rounds the floats with printf %.2f instead (for the
# record of what plain float rounding would give).
# shellcheck disable=SC2016
NORM='
BEGIN { FS = OFS = "\t" }
# round(num / den), half away from zero, for integers 0 <= num, 0 < den,
# both below 2^53 (exact in a double).
function rnd(num, den,   q, r) {
	q = int(num / den)
	r = num - q * den
	while (r < 0) { q--; r += den }
	while (r >= den) { q++; r -= den }
	if (2 * r >= den)
		q++
	return q
}
function cents(h) { return sprintf("%d.%02d", int(h / 100), h % 100) }
# A percentile in seconds, as hundredths of a second.
function snap(v,   c, e) {
	c = int(v * 100 + 0.5)
	e = v * 100 - c
	if (e > 0.0001 || e < -0.0001) {
		printf "normalise: %s: %s s is not a multiple of 0.01 s\n", \
		    $1, v > "/dev/stderr"
		bad = 1
	}
	return c
}
{
	den = $2 - $4
	if (naive) {
		res = den > 0 ? sprintf("%.2f", $3 * 100 / den) : ""
		mean = med = p90 = ""
		if ($5 > 0) {
			mean = sprintf("%.2f", $6 / $5 / 3600)
			med = sprintf("%.2f", $7 / 3600)
			p90 = sprintf("%.2f", $8 / 3600)
		}
	} else {
		res = den > 0 ? cents(rnd($3 * 10000, den)) : ""
		mean = med = p90 = ""
		if ($5 > 0) {
			mean = cents(rnd($6 * 100, $5 * 3600))
			med = cents(rnd(snap($7), 3600))
			p90 = cents(rnd(snap($8), 3600))
		}
	}
	print $1, $2 + 0, $3 + 0, res, mean, med, p90 | "sort"
}
END { close("sort"); exit bad }'

# What both awk programs below begin with: the status words, the columns.
# shellcheck disable=SC2016
AWK_HEAD='
BEGIN {
	FS = OFS = "\t"
	n = split(closedw, w, " ")
	for (i = 1; i <= n; i++) cl[w[i]] = 1
	n = split(cancelledw, w, " ")
	for (i = 1; i <= n; i++) ca[w[i]] = 1
}
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	g = col["community"]; r = col["reported_at"]
	c = col["closed_at"]; s = col["status"]
	next
}
$r > asof { next }
# closed or cancelled by the --as-of time
function by_asof(   t) { t = $c; return t == "" || t <= asof }
'
# The datamash pipeline, step 1: TSV record -> group, closed (0/1),
# cancelled (0/1), seconds to close (NA when not closed).  The timestamps
# are "YYYY-MM-DD HH:MM:SS"; mktime("YYYY MM DD HH MM SS") in UTC.
# shellcheck disable=SC2016
PREP="$AWK_HEAD"'
function secs(t) {
	return mktime(substr(t, 1, 4) " " substr(t, 6, 2) " " substr(t, 9, 2) \
	    " " substr(t, 12, 2) " " substr(t, 15, 2) " " substr(t, 18, 2))
}
$s in cl && by_asof() { print $g, 1, 0, secs($c) - secs($r); next }
{ print $g, 0, ($s in ca && by_asof()) ? 1 : 0, "NA" }'

# The CSV -> TSV step of the datamash pipeline: Python's csv module (RFC
# 4180: quoted fields with commas, quotes and line breaks), every column,
# escaped as Miller and zhili-cat write TSV (\t \n \r \\), so its output is
# byte-identical to `mlr --icsv --otsv cat` (checked), in about half the
# time.  Lines with nothing to escape are written as joined.
CONV_PY='
import csv, sys
tr = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
def lines(rows):
    for row in rows:
        line = "\t".join(row)
        if (line.count("\t") != len(row) - 1 or "\n" in line
                or "\r" in line or "\\" in line):
            line = "\t".join([x.translate(tr) for x in row])
        yield line + "\n"
with open(sys.argv[1], newline="", encoding="utf-8") as f, \
        open(1, "w", encoding="utf-8", newline="", buffering=1 << 20,
             closefd=False) as out:
    out.writelines(lines(csv.reader(f)))
'

# Miller: seconds to close for closed cases (strptime: UTC), and a field
# nc only on the few cases not closed (1, or 0 when cancelled), so that
# one stats1 gives total (secs_count + nc_count), closed (secs_count),
# cancelled (nc_count - nc_sum) and the durations' sum, median and p90 with
# -i: interpolated percentiles, R type 7 (Miller's default is not: it
# takes the element at int(p n)).  Records without a field are skipped by
# stats1 for that field.
# shellcheck disable=SC2016
MLR_PUT='
begin {
	@cl = {}; @ca = {};
	for (w in splitax(@closedw, " ")) { @cl[w] = 1 }
	for (w in splitax(@cancelledw, " ")) { @ca[w] = 1 }
}
filter $reported_at <= @asof;
by_asof = $closed_at == "" || $closed_at <= @asof;
if (haskey(@cl, $status) && by_asof) {
	$secs = strptime($closed_at, "%Y-%m-%d %H:%M:%S")
	    - strptime($reported_at, "%Y-%m-%d %H:%M:%S");
} else {
	$nc = haskey(@ca, $status) && by_asof ? 0 : 1;
}'
# Miller's stats1 output (by header name) -> the raw line.
# shellcheck disable=SC2016
MLR_RAW='
BEGIN { FS = OFS = "\t" }
NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
{
	sc = $c["secs_count"] + 0; nc = $c["nc_count"] + 0
	print $c["community"], sc + nc, sc, nc - $c["nc_sum"], sc,
	    $c["secs_sum"] + 0, $c["secs_median"], $c["secs_p90"]
}'

# gawk alone: counts in associative arrays, the durations of each group in
# an array of arrays, sorted with asort; R type 7 in integer arithmetic.
# shellcheck disable=SC2016
GAWK_ALONE="$AWK_HEAD"'
function secs(t) {
	return mktime(substr(t, 1, 4) " " substr(t, 6, 2) " " substr(t, 9, 2) \
	    " " substr(t, 12, 2) " " substr(t, 15, 2) " " substr(t, 18, 2), 1)
}
# R type 7 at m/100 of sorted v[1..n], in seconds (a multiple of 0.01).
function perc(v, n, m,   h, k, r) {
	h = (n - 1) * m; k = int(h / 100); r = h % 100
	return r ? (100 * v[k + 1] + r * (v[k + 2] - v[k + 1])) / 100 : v[k + 1]
}
{
	k = $g
	total[k]++
	if ($s in cl && by_asof()) {
		d = secs($c) - secs($r)
		sum[k] += d
		dur[k][++closed[k]] = d
	} else if ($s in ca && by_asof())
		cancelled[k]++
}
END {
	for (k in total) {
		n = closed[k] + 0
		med = p90 = 0
		if (n > 0) {
			asort(dur[k], v)
			med = perc(v, n, 50)
			p90 = perc(v, n, 90)
			delete v
		}
		printf "%s\t%d\t%d\t%d\t%d\t%d\t%.2f\t%.2f\n", k, total[k], n,
		    cancelled[k], n, sum[k], med, p90
	}
}'

norm() { # [naive]
	printf '%s\n' "$HEADER"
	awk -v naive="${1:-0}" "$NORM"
}

conv() { # CSV -> TSV on stdout
	case $CONVERTER in
	mlr) mlr --icsv --otsv cat "$1" ;;
	*) "$PYTHON" -c "$CONV_PY" "$1" ;;
	esac
}

raw() { # TOOL FILE: the raw lines
	case $1 in
	dm)
		case $2 in
		*.csv) { conv "$2" || echo "$?" >&3; } |
		    { $PREP_AWK -v closedw="$CLOSED_WORDS" \
		    -v cancelledw="$CANCELLED_WORDS" -v asof="$AS_OF" "$PREP" ||
		    echo "$?" >&3; } ;;
		*) { $PREP_AWK -v closedw="$CLOSED_WORDS" \
		    -v cancelledw="$CANCELLED_WORDS" -v asof="$AS_OF" "$PREP" "$2" ||
		    echo "$?" >&3; } ;;
		esac | datamash -s -g 1 --narm count 1 sum 2 sum 3 count 4 \
		    sum 4 median 4 perc:90 4
		;;
	mlr)
		{ mlr "--i${2##*.}" --otsv put -s closedw="$CLOSED_WORDS" \
		    -s cancelledw="$CANCELLED_WORDS" -s asof="$AS_OF" "$MLR_PUT" \
		    "then" stats1 -i -a count,sum,median,p90 -f secs,nc \
		    -g community "then" unsparsify --fill-with 0 "$2" ||
		    echo "$?" >&3; } | awk "$MLR_RAW"
		;;
	gawk)
		gawk -v closedw="$CLOSED_WORDS" \
		    -v cancelledw="$CANCELLED_WORDS" -v asof="$AS_OF" "$GAWK_ALONE" "$2"
		;;
	*)
		printf 'bench: no tool %s\n' "$1" >&2
		return 2
		;;
	esac
}

# run TOOL FILE: the figures, as case-stats writes them.  With RAW set, the
# raw lines are kept in that file too.  The stages of a pipeline write
# their exit status, when not 0, to fd 3; the first one is run's.
run() {
	if [ "$1" = cs ]; then
		"$CASE_STATS" --as-of $AS_OF_DATE -b community -m "$METRICS" "$2"
		return
	fi
	st=$( { { raw "$1" "$2" || echo "$?" >&3; } |
	    { if [ -n "${RAW:-}" ]; then tee "$RAW"; else cat; fi ||
	    echo "$?" >&3; } |
	    { norm || echo "$?" >&3; }; } 3>&1 >&4) 4>&1
	for s in $st; do
		return "$s"
	done
}

if [ "${1:-}" = run ]; then
	[ $# -eq 3 ] || {
		echo 'usage: sh bench/case-stats.sh run cs|dm|mlr|gawk FILE' >&2
		exit 2
	}
	run "$2" "$3"
	exit
fi

# ---- The benchmark ----

. bench/lib.sh

# The sum of the total column (the second) of case-stats' output.
sum_totals() {
	awk -F '\t' 'NR > 1 { s += $2 } END { print s + 0 }' "$1"
}

# 1. The generator and the data, as bench/run.sh makes them.
if [ ! -x "$bin/gen" ] || newer bench/gen.c "$bin/gen"; then
	say "$CC -O2 -o $bin/gen bench/gen.c"
	$CC -O2 -Wall -Wextra -o "$bin/gen" bench/gen.c || exit 1
fi
tag() {
	case $1 in
	1000000) echo 1m ;;
	5000000) echo 5m ;;
	*) echo "$1" ;;
	esac
}
gen() { # FILE ROWS
	if [ ! -s "$1" ] || newer bench/gen.c "$1"; then
		say "generating $1 ($2 rows)"
		"$bin/gen" -n "$2" "--${1##*.}" > "$1.tmp" &&
			mv "$1.tmp" "$1" || exit 1
	fi
}
tsv=$data/cases-$(tag "$ROWS").tsv
csv=$data/cases-$(tag "$ROWS").csv
gen "$tsv" "$ROWS"
gen "$csv" "$ROWS"
big=
if [ "$BIG_ROWS" -gt 0 ]; then
	big=$data/cases-$(tag "$BIG_ROWS").tsv
	gen "$big" "$BIG_ROWS"
fi
tsvbytes=$(wc -c < "$tsv" | tr -d ' ')
csvbytes=$(wc -c < "$csv" | tr -d ' ')

# The tools there are.
command -v "$CASE_STATS" > /dev/null || {
	say "bench: $CASE_STATS: not found (make all, or set CASE_STATS)"
	exit 1
}
have() {
	command -v "$1" > /dev/null || {
		say "bench: no $1: $2 left out (make bench-deps)"
		return 1
	}
}
dm=1 mlr=1 gawk=1 dmcsv=1
have datamash "the datamash pipeline is" || dm=
have "$PREP_AWK" "the datamash pipeline is" || dm=
have mlr "Miller is" || mlr=
have gawk "gawk alone is" || gawk=
case $CONVERTER in
mlr) [ -n "$mlr" ] || dmcsv= ;;
*) have "$PYTHON" "the datamash pipeline on CSV is" || dmcsv= ;;
esac
[ -n "$dm" ] || dmcsv=
memtime=
[ -x /usr/bin/time ] && memtime=/usr/bin/time
[ -n "$memtime" ] || say "bench: no /usr/bin/time: no peak memory"

# Page cache: read each file once.
cat "$tsv" "$csv" > /dev/null || exit 1

# 2. The figures agree.  Each tool's figures go to check.ID (and its raw
# lines to check.ID.raw); each is compared with case-stats's on the TSV,
# cell by cell.  The peak memory of each run (the largest process of a
# pipeline) goes to ID.mem.
rm -f "$out"/case-stats.check.* "$out"/case-stats.*.mem
checks=
check() { # NAME RESULT
	checks="$checks$(printf '%-52s %s' "$1" "$2")
"
}
figures() { # ID TOOL FILE
	f=$out/case-stats.check.$1
	say "running $2 on $3"
	if [ -n "$memtime" ]; then
		RAW=$f.raw "$memtime" -f %M -o "$out/case-stats.$1.mem" \
		    sh bench/case-stats.sh run "$2" "$3" > "$f"
	else
		RAW=$f.raw sh bench/case-stats.sh run "$2" "$3" > "$f"
	fi || {
		check "$1: command failed" FAIL
		status=1
		return 1
	}
}
# compare ID NAME: check.ID against check.cs-tsv; every cell that differs
# is listed (group, metric, both values).
compare() {
	ref=$out/case-stats.check.cs-tsv
	f=$out/case-stats.check.$1
	[ -s "$f" ] || return
	if cmp -s "$ref" "$f"; then
		check "$2 = case-stats TSV" PASS
		return
	fi
	check "$2 = case-stats TSV" FAIL
	status=1
	awk -F '\t' -v name="$2" 'NR == FNR {
		if (FNR == 1) for (i = 1; i <= NF; i++) m[i] = $i
		else { seen[$1] = 1; for (i = 2; i <= NF; i++) v[$1, i] = $i }
		next
	}
	FNR == 1 { next }
	!($1 in seen) { printf "  %s: group %s not in case-stats\n", name, $1; next }
	{
		got[$1] = 1
		for (i = 2; i <= NF; i++)
			if ($i != v[$1, i])
				printf "  group %s, %s: case-stats %s, %s %s\n",
				    $1, m[i], v[$1, i], name, $i
	}
	END {
		for (g in seen) if (!(g in got))
			printf "  %s: no group %s\n", name, g
	}' "$ref" "$f" > "$out/case-stats.check.$1.diff"
	while IFS= read -r line; do
		checks="$checks$line
"
	done < "$out/case-stats.check.$1.diff"
}

figures cs-tsv cs "$tsv" || exit 1
figures cs-csv cs "$csv"
compare cs-csv "case-stats CSV"
ngroups=$(($(wc -l < "$out/case-stats.check.cs-tsv") - 1))
sumtotal=$(sum_totals "$out/case-stats.check.cs-tsv")
if [ "$sumtotal" -eq "$ROWS" ]; then
	check "case-stats: $ngroups groups, totals sum to $ROWS" PASS
else
	check "case-stats: totals sum to $sumtotal, not $ROWS" FAIL
	status=1
fi
if [ -n "$dm" ]; then
	figures dm-tsv dm "$tsv" && compare dm-tsv "datamash pipeline TSV"
	if [ -n "$dmcsv" ]; then
		figures dm-csv dm "$csv" &&
			compare dm-csv "datamash pipeline CSV"
	fi
	# For the record: float rounding with printf %.2f instead.
	if [ -s "$out/case-stats.check.dm-tsv.raw" ]; then
		norm 1 < "$out/case-stats.check.dm-tsv.raw" \
		    > "$out/case-stats.check.naive"
		n=$(awk -F '\t' 'NR == FNR { for (i = 2; i <= NF; i++)
			v[FNR, i] = $i; next }
		{ for (i = 2; i <= NF; i++) if ($i != v[FNR, i]) d++ }
		END { print d + 0 }' "$out/case-stats.check.cs-tsv" \
		    "$out/case-stats.check.naive")
		check "datamash figures with printf %.2f: $n of $((ngroups * 6)) differ" \
		    "(info)"
	fi
fi
if [ -n "$mlr" ]; then
	figures mlr-tsv mlr "$tsv" && compare mlr-tsv "Miller TSV"
	figures mlr-csv mlr "$csv" && compare mlr-csv "Miller CSV"
fi
if [ -n "$gawk" ]; then
	figures gawk-tsv gawk "$tsv" && compare gawk-tsv "gawk alone TSV"
fi
if [ -n "$dmcsv" ]; then
	if conv "$csv" | cmp -s - "$tsv"; then
		check "CSV->TSV step ($CONVERTER) = generated TSV (bytes)" PASS
	else
		check "CSV->TSV step ($CONVERTER) = generated TSV (bytes)" FAIL
		status=1
	fi
fi
# Keep the outputs only when they disagree.
[ $status -ne 0 ] || rm -f "$out"/case-stats.check.*

# 3. Timings: "bench ID TOOL INPUT BYTES CMD..." runs CMD > /dev/null
# RUNS times after a warm-up run and appends the best to case-stats.tsv.
printf 'id\ttool\tinput\trows\tbytes\tseconds\tmb_s\tcpu_seconds\tmax_rss_kb\n' \
    > "$out/case-stats.tsv"
bench() {
	id=$1 tool=$2 input=$3 bytes=$4
	shift 4
	say "timing $tool on $input"
	best_time "$out/case-stats.$id" "$@" || return 1
	mem=-
	[ -s "$out/case-stats.$id.mem" ] &&
		mem=$(tail -n 1 "$out/case-stats.$id.mem")
	awk -v id="$id" -v tool="$tool" -v input="$input" -v rows="$ROWS" \
	    -v b="$bytes" -v s="$secs" -v cpu="$cpu" -v mem="$mem" 'BEGIN {
		printf "%s\t%s\t%s\t%d\t%d\t%.4f\t%.1f\t%s\t%s\n", id, tool,
		    input, rows, b, s, (s > 0 ? b / s / 1e6 : 0), cpu, mem }' \
	    >> "$out/case-stats.tsv"
}
cs="$CASE_STATS --as-of $AS_OF_DATE -b community -m $METRICS"
# shellcheck disable=SC2086
bench cs-tsv case-stats TSV "$tsvbytes" $cs "$tsv" || status=1
# shellcheck disable=SC2086
bench cs-csv case-stats CSV "$csvbytes" $cs "$csv" || status=1
if [ -n "$dm" ]; then
	bench dm-tsv "$PREP_AWK | datamash" TSV "$tsvbytes" \
	    sh bench/case-stats.sh run dm "$tsv" || status=1
fi
if [ -n "$dmcsv" ]; then
	bench dm-csv "$CONVERTER | $PREP_AWK | datamash" CSV "$csvbytes" \
	    sh bench/case-stats.sh run dm "$csv" || status=1
fi
if [ -n "$mlr" ]; then
	bench mlr-tsv "mlr put, stats1" TSV "$tsvbytes" \
	    sh bench/case-stats.sh run mlr "$tsv" || status=1
	bench mlr-csv "mlr put, stats1" CSV "$csvbytes" \
	    sh bench/case-stats.sh run mlr "$csv" || status=1
fi
if [ -n "$gawk" ]; then
	bench gawk-tsv "gawk alone" TSV "$tsvbytes" \
	    sh bench/case-stats.sh run gawk "$tsv" || status=1
fi

# 4. Peak memory of case-stats on BIG_ROWS rows (and its time, once).
bigkb="" bigsecs="" bigbytes=""
if [ -n "$big" ] && [ -n "$memtime" ]; then
	say "case-stats on $big (peak memory)"
	bigbytes=$(wc -c < "$big" | tr -d ' ')
	cat "$big" > /dev/null
	# shellcheck disable=SC2086
	if "$memtime" -f '%M %e' -o "$out/case-stats.big.mem" $cs "$big" \
	    > "$out/case-stats.big.out"; then
		bigkb=$(tail -n 1 "$out/case-stats.big.mem" | cut -d ' ' -f 1)
		bigsecs=$(tail -n 1 "$out/case-stats.big.mem" | cut -d ' ' -f 2)
		n=$(sum_totals "$out/case-stats.big.out")
		if [ "$n" -eq "$BIG_ROWS" ]; then
			check "case-stats $BIG_ROWS rows: totals sum to $n" PASS
		else
			check "case-stats $BIG_ROWS rows: totals sum to $n" FAIL
			status=1
		fi
	else
		check "case-stats on $big: command failed" FAIL
		status=1
	fi
fi

# 5. The report.
{
	echo "zhili case-stats bench, $(date '+%Y-%m-%d %H:%M')," \
	    "load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)," \
	    "$(awk '$1 == "MemTotal:" { printf "%.0f GB RAM", $2 / 1048576 }' \
	    /proc/meminfo 2>/dev/null)"
	echo "tools: $("$CASE_STATS" --version 2>/dev/null | head -n 1);" \
	    "$([ -n "$dm" ] && datamash --version | head -n 1);" \
	    "$([ -n "$mlr" ] && mlr --version);" \
	    "$([ -n "$gawk" ] && gawk --version | head -n 1);" \
	    "$($PREP_AWK -W version 2>/dev/null | head -n 1);" \
	    "$("$PYTHON" --version 2>&1)"
	echo "source: commit $(git rev-parse --short HEAD 2>/dev/null)$(
	    git diff --quiet HEAD -- cmd/case-stats lib 2>/dev/null ||
	    echo ' (cmd/case-stats or lib changed since)')"
	echo "data: $ROWS rows; $tsv $tsvbytes bytes, $csv $csvbytes bytes"
	echo "job: $cs FILE"
	echo "timer: $TIMER, best of $RUNS after a warm-up run, output to" \
	    "/dev/null; MB = 10^6 bytes of input; max RSS: one run (the" \
	    "largest process of a pipeline)"
	echo
	awk -F '\t' 'NR == 1 {
		printf "%-30s %-5s %9s %9s %9s %9s\n", "tool", "input",
		    "seconds", "MB/s", "cpu s", "max RSS MB"
		next
	}
	{
		printf "%-30s %-5s %9.3f %9.1f %9s %9s\n", $2, $3, $6, $7, $8,
		    $9 == "-" ? "-" : sprintf("%.1f", $9 / 1024)
	}' "$out/case-stats.tsv"
	if [ -n "$bigkb" ]; then
		awk -v r="$BIG_ROWS" -v b="$bigbytes" -v s="$bigsecs" \
		    -v kb="$bigkb" 'BEGIN {
			printf "%-30s %-5s %9.3f %9.1f %9s %9.1f  (%d rows, one run)\n",
			    "case-stats", "TSV", s, (s > 0 ? b / s / 1e6 : 0),
			    "-", kb / 1024, r }'
	fi
	echo
	# The ratio of CPU times (user + system) is for information: on a
	# busy machine it moves less than the ratio of wall-clock times.
	awk -F '\t' -v bigkb="$bigkb" -v bigrows="$BIG_ROWS" '
	NR > 1 { t[$1] = $6; c[$1] = $8 }
	function line(name, r, need, res, cr) {
		printf "%-48s %8s %8s  %-6s %8s\n", name, r, need, res, cr
	}
	function target(name, a, b, need,   r, cr) {
		cr = "-"
		if (c[a] + 0 > 0 && c[b] + 0 > 0)
			cr = sprintf("%.1fx", c[a] / c[b])
		if (!(a in t) || !(b in t) || t[b] <= 0) {
			line(name, "-", need ? sprintf("%.1fx", need) : "-",
			    "n/a", cr)
			return
		}
		r = t[a] / t[b]
		line(name, sprintf("%.1fx", r),
		    need ? sprintf("%.1fx", need) : "-",
		    need ? (r >= need ? "PASS" : "MISS") : "info", cr)
	}
	END {
		line("target", "ratio", "need", "result", "cpu")
		target("TSV: case-stats vs datamash pipeline", "dm-tsv",
		    "cs-tsv", 5)
		target("TSV: case-stats vs Miller", "mlr-tsv", "cs-tsv", 20)
		target("CSV: case-stats vs datamash pipeline", "dm-csv",
		    "cs-csv", 2.5)
		if (bigkb != "")
			line("case-stats peak memory, " bigrows " rows TSV",
			    sprintf("%.0f MB", bigkb / 1024), "<200 MB",
			    bigkb / 1024 < 200 ? "PASS" : "MISS", "-")
		else
			line("case-stats peak memory, " bigrows " rows TSV",
			    "-", "<200 MB", "n/a", "-")
		target("TSV: case-stats vs gawk alone", "gawk-tsv", "cs-tsv",
		    0)
		target("CSV: case-stats vs Miller", "mlr-csv", "cs-csv", 0)
	}' "$out/case-stats.tsv"
	echo
	printf '%-52s %s\n' check result
	printf '%s' "$checks"
} > "$out/case-stats.txt"
cat "$out/case-stats.txt"
# One line per timing, kept across runs.
[ -s "$out/case-stats.history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/case-stats.tsv")" \
	    > "$out/case-stats.history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/case-stats.tsv" | sed "s/^/$d	/" >> "$out/case-stats.history.tsv"
exit $status
