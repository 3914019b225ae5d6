#!/bin/sh
# bench/duckdb.sh: case-stats against DuckDB (make bench-duckdb).
# The reference job of bench/case-stats.sh (per community: total, closed,
# resolution_pct, hours_mean, hours_median, hours_p90, as of 2025-01-01)
# done by case-stats and by DuckDB with 2 threads (bench/duckdb-job.mjs,
# through the npm package @duckdb/node-api) on the generated cases, from
# TSV and from CSV, at each size of SIZES.  The figures are checked equal
# first (the run stops when they are not); then RUNS pairs of runs, the two
# programs in turn (the first of a pair alternating), give medians and
# spreads, and the ratios of the pairs.  Results go to bench/out/duckdb.*.
#
#     sh bench/duckdb.sh [--install]
#
# --install first installs the package into bench/node_modules with npm
# when it is not there.  Without node, npm or the package the benchmark is
# skipped with a message and exit status 0 (it needs the network once, so
# it is not part of make check).
#
# Environment: BUILD (build), CC (cc), SIZES (1000000 5000000), RUNS (5
# pairs), DUCKDB_THREADS (2), CASE_STATS (BUILD/bin/case-stats), NODE
# (node), NPM (npm).  Exit status 1 when a check or a command failed; a
# missed target is reported, not an error.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
SIZES=${SIZES:-1000000 5000000}
RUNS=${RUNS:-5}
DUCKDB_THREADS=${DUCKDB_THREADS:-2}
CASE_STATS=${CASE_STATS:-$BUILD/bin/case-stats}
NODE=${NODE:-node}
NPM=${NPM:-npm}
LC_ALL=C
TZ=UTC
export LC_ALL TZ DUCKDB_THREADS

skip() {
	printf 'bench-duckdb: %s: skipped\n' "$*" >&2
	exit 0
}
pkg=bench/node_modules/@duckdb/node-api/package.json
if [ "${1:-}" = --install ] && [ ! -f "$pkg" ]; then
	command -v "$NPM" > /dev/null ||
		skip "no npm to install @duckdb/node-api (apt-get install npm)"
	printf 'bench-duckdb: npm install (bench/package.json)\n' >&2
	(cd bench && "$NPM" install --no-audit --no-fund --no-package-lock) ||
		skip "npm could not install @duckdb/node-api (no network?)"
fi
command -v "$NODE" > /dev/null || skip "no node (apt-get install nodejs)"
[ -f "$pkg" ] ||
	skip "no @duckdb/node-api in bench/node_modules (make bench-duckdb installs it)"

. bench/lib.sh
[ -x /usr/bin/time ] || {
	say "bench-duckdb: no /usr/bin/time (make bench-deps)"
	exit 1
}
command -v "$CASE_STATS" > /dev/null || {
	say "bench-duckdb: $CASE_STATS: not found (make all, or set CASE_STATS)"
	exit 1
}
METRICS=total,closed,resolution_pct,hours_mean,hours_median,hours_p90
cs() { # FILE [OPTION]
	"$CASE_STATS" --as-of 2025-01-01 -b community -m "$METRICS" ${2:+"$2"} \
	    "$1"
}
duck() { # FILE
	"$NODE" bench/duckdb-job.mjs "$1"
}
version=$(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$pkg" | head -n 1)

# The data, as bench/case-stats.sh names and makes it (bench/gen.c).
[ -x "$bin/gen" ] && ! newer bench/gen.c "$bin/gen" ||
	$CC -O2 -Wall -Wextra -o "$bin/gen" bench/gen.c || exit 1
files() { # ROWS: sets t (1m, 5m, or ROWS), tsv and csv, made when missing
	case $1 in
	1000000) t=1m ;;
	5000000) t=5m ;;
	*) t=$1 ;;
	esac
	tsv=$data/cases-$t.tsv csv=$data/cases-$t.csv
	for f in "$tsv" "$csv"; do
		[ -s "$f" ] && ! newer bench/gen.c "$f" && continue
		say "generating $f ($1 rows)"
		"$bin/gen" -n "$1" "--${f##*.}" > "$f.tmp" && mv "$f.tmp" "$f" ||
			exit 1
	done
}

checks=
check() { # WHAT RESULT
	checks="$checks$(printf '%-60s %s' "$1" "$2")
"
	[ "$2" = PASS ] || status=1
}
# same NAME FILE: FILE has the bytes of case-stats's figures from the TSV.
same() {
	if cmp -s "$out/duckdb.check.cs-tsv" "$2"; then
		check "$1 = case-stats TSV" PASS
	else
		check "$1 = case-stats TSV" FAIL
		diff "$out/duckdb.check.cs-tsv" "$2" >&2
	fi
}

# verify ROWS: the figures of both programs, from both files, are equal
# (and the data has no case twice: --no-dedupe changes nothing).
verify() {
	c=$out/duckdb.check
	say "checking the figures on $1 rows"
	cs "$tsv" > "$c.cs-tsv" || check "case-stats TSV" FAIL
	cs "$csv" > "$c.cs-csv" || check "case-stats CSV" FAIL
	cs "$tsv" --no-dedupe > "$c.cs-nd" || check "case-stats --no-dedupe" FAIL
	duck "$tsv" > "$c.duck-tsv" || check "DuckDB TSV" FAIL
	duck "$csv" > "$c.duck-csv" || check "DuckDB CSV" FAIL
	same "$t: case-stats CSV" "$c.cs-csv"
	same "$t: case-stats --no-dedupe TSV" "$c.cs-nd"
	same "$t: DuckDB TSV" "$c.duck-tsv"
	same "$t: DuckDB CSV" "$c.duck-csv"
	n=$(awk -F '\t' 'NR > 1 { s += $2 } END { print s + 0 }' "$c.cs-tsv")
	if [ "$n" -eq "$1" ]; then
		check "$t: totals sum to the rows ($n)" PASS
	else
		check "$t: totals sum to $n, not $1" FAIL
	fi
}

# once TOOL FILE ROWS PAIR FORMAT: one timed run, appended to duckdb.runs.
once() {
	load=$(cut -d ' ' -f 1 /proc/loadavg)
	rm -f "$out/duckdb.qt"
	t0=$(date +%s%N)
	case $1 in
	cs) /usr/bin/time -f '%U %S %M' -o "$out/duckdb.rt" \
	    "$CASE_STATS" --as-of 2025-01-01 -b community -m "$METRICS" "$2" ;;
	duck) DUCKDB_TIMING=$out/duckdb.qt /usr/bin/time -f '%U %S %M' \
	    -o "$out/duckdb.rt" "$NODE" bench/duckdb-job.mjs "$2" ;;
	esac > /dev/null || {
		check "$1 on $2: command failed" FAIL
		return 1
	}
	t1=$(date +%s%N)
	q='- -'
	[ -s "$out/duckdb.qt" ] && q=$(cat "$out/duckdb.qt")
	echo "$3 $5 $4 $1 $(((t1 - t0) / 1000)) $(tail -n 1 "$out/duckdb.rt")" \
	    "$q $load" | awk -v OFS='\t' '{
		print $1, $2, $3, $4, $5 / 1e6, $6 + $7, $8, $9, $10, $11 }' \
	    >> "$out/duckdb.runs.tsv"
}

# time ROWS: RUNS pairs on each format, the first of a pair alternating.
timing() {
	i=1
	while [ "$i" -le "$RUNS" ]; do
		for f in tsv csv; do
			say "timing $t $f, pair $i of $RUNS"
			if [ $((i % 2)) -eq 1 ]; then
				once cs "$data/cases-$t.$f" "$1" "$i" "$f" &&
				    once duck "$data/cases-$t.$f" "$1" "$i" "$f"
			else
				once duck "$data/cases-$t.$f" "$1" "$i" "$f" &&
				    once cs "$data/cases-$t.$f" "$1" "$i" "$f"
			fi || return 1
		done
		i=$((i + 1))
	done
}

printf 'rows\tformat\tpair\ttool\tseconds\tcpu_seconds\tmax_rss_kb\tquery_seconds\tquery_cpu_seconds\tload1\n' \
    > "$out/duckdb.runs.tsv"
rm -f "$out"/duckdb.check.*
started=$(uptime)
for n in $SIZES; do
	files "$n"
	cat "$tsv" "$csv" > /dev/null
	verify "$n"
	if [ "$status" -ne 0 ]; then
		printf '%s' "$checks" >&2
		say "bench-duckdb: the figures differ: nothing timed" \
		    "(outputs in $out/duckdb.check.*)"
		exit 1
	fi
	timing "$n" || break
done
[ "$status" -ne 0 ] || rm -f "$out"/duckdb.check.* "$out/duckdb.qt" \
    "$out/duckdb.rt"

# The report: per size and format, the median and the spread (min-max)
# of each program's seconds, and the median of the ratios of the pairs.
# "DuckDB" is the node process as a whole; "DuckDB query" its query alone
# (without starting node and loading the library), the figure the target
# is judged on; "cpu" the user + system seconds.
{
	echo "zhili bench-duckdb, $(date '+%Y-%m-%d %H:%M %Z')"
	echo "uptime at the start: $started"
	echo "uptime at the end:   $(uptime)"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)"
	src=$(git rev-parse --short HEAD 2>/dev/null)
	git diff --quiet HEAD -- cmd/case-stats lib 2>/dev/null ||
		src="$src (cmd/case-stats or lib changed since)"
	printf '%s\n' \
	    "programs: $("$CASE_STATS" --version 2>/dev/null | head -n 1)," \
	    "    @duckdb/node-api $version ($DUCKDB_THREADS threads)," \
	    "    node $("$NODE" --version); source: commit $src" \
	    "job: case-stats --as-of 2025-01-01 -b community -m $METRICS FILE" \
	    "     node bench/duckdb-job.mjs FILE" \
	    "$RUNS pairs per line, in turn; seconds: median (min-max) of" \
	    "wall-clock time, output to /dev/null" ""
	awk -F '\t' -f bench/duckdb-report.awk "$out/duckdb.runs.tsv"
	echo
	printf '%-60s %s\n' check result
	printf '%s' "$checks"
} > "$out/duckdb.txt"
cat "$out/duckdb.txt"
[ -s "$out/duckdb.history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/duckdb.runs.tsv")" \
	    > "$out/duckdb.history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/duckdb.runs.tsv" | sed "s/^/$d	/" >> "$out/duckdb.history.tsv"
exit "$status"
