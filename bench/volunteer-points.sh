#!/bin/sh
# bench/volunteer-points.sh: the volunteer-points benchmark (make
# bench-volunteer-points).  A million generated service records and
# 100,000 redemptions (bench/gen-volunteers.awk), as TSV and as CSV; the
# balance report,
#
#	volunteer-points --as-of 2026-06-30 --report balance SERVICES REDEMPTIONS
#
# timed against zhili-cat reading the same two files (target: at most 2×
# its time) and against GNU datamash summing the hours per volunteer of the
# service file, datamash --header-in -s -g 1 sum 6 (target: volunteer-points
# faster).  The figures are checked first: the hours per volunteer of
# datamash equal volunteer-points' hours + unverified_hours (the data is
# made so that the unit and the daily cap cut nothing), TSV and CSV give
# the same report, and every redemption is applied.  Best of RUNS after a
# warm-up run, output to /dev/null; results in bench/out/volunteer-points.*.
#
#	sh bench/volunteer-points.sh
#	ROWS=100000 REDS=10000 RUNS=5 sh bench/volunteer-points.sh
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
ROWS=${ROWS:-1000000}
REDS=${REDS:-100000}
RUNS=${RUNS:-3}
VOLUNTEER_POINTS=${VOLUNTEER_POINTS:-$BUILD/bin/volunteer-points}
ZHILI_CAT=${ZHILI_CAT:-$BUILD/bin/zhili-cat}
GEN_AWK=${GEN_AWK:-$(command -v mawk || echo awk)}
AS_OF=2026-06-30

# The jobs timed (and checked).
vp() { # SERVICES REDEMPTIONS
	"$VOLUNTEER_POINTS" --as-of "$AS_OF" --report balance "$1" "$2"
}
zcat2() { # SERVICES REDEMPTIONS
	"$ZHILI_CAT" "$1" && "$ZHILI_CAT" "$2"
}
dmsum() { # SERVICES (.tsv or .csv)
	case $1 in
	*.csv) datamash -t , --header-in -s -g 1 sum 6 < "$1" ;;
	*) datamash --header-in -s -g 1 sum 6 < "$1" ;;
	esac
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
case $ROWS in
1000000) tag=1m ;;
*) tag=$ROWS ;;
esac
gen() { # EXT FS_OUT
	s=$data/volunteers-$tag.$1
	r=$data/redemptions-$tag-$REDS.$1
	if [ ! -s "$s" ] || [ ! -s "$r" ] || newer bench/gen-volunteers.awk "$s"; then
		say "generating $s ($ROWS rows) and $r ($REDS rows)"
		"$GEN_AWK" -v ROWS="$ROWS" -v REDS="$REDS" -v FS_OUT="$2" \
		    -v OUT="$s.tmp" -v REDOUT="$r.tmp" \
		    -f bench/gen-volunteers.awk &&
			mv "$s.tmp" "$s" && mv "$r.tmp" "$r" || exit 1
	fi
}
gen tsv tab
gen csv comma
stsv=$data/volunteers-$tag.tsv
rtsv=$data/redemptions-$tag-$REDS.tsv
scsv=$data/volunteers-$tag.csv
rcsv=$data/redemptions-$tag-$REDS.csv
bytes() {
	cat "$@" | wc -c | tr -d ' '
}
tsvbytes=$(bytes "$stsv" "$rtsv")
csvbytes=$(bytes "$scsv" "$rcsv")

for p in "$VOLUNTEER_POINTS" "$ZHILI_CAT"; do
	command -v "$p" > /dev/null || {
		say "bench: $p: not found (make all)"
		exit 1
	}
done
dm=1
command -v datamash > /dev/null || {
	say "bench: no datamash: left out (make bench-deps)"
	dm=
}
cat "$stsv" "$rtsv" "$scsv" "$rcsv" > /dev/null || exit 1

# 2. The figures agree.
checks=
check() { # NAME RESULT
	checks="$checks$(printf '%-60s %s' "$1" "$2")
"
	[ "$2" != FAIL ] || status=1
}
rm -f "$out"/volunteer-points.check.*
say "checking the figures"
vp "$stsv" "$rtsv" > "$out/volunteer-points.check.vp-tsv" \
    2> "$out/volunteer-points.check.vp-tsv.err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$out/volunteer-points.check.vp-tsv.err" ]; then
	check "volunteer-points TSV: exit 0, nothing rejected" PASS
else
	check "volunteer-points TSV: exit $rc, stderr $(wc -l < \
	    "$out/volunteer-points.check.vp-tsv.err") lines" FAIL
fi
vp "$scsv" "$rcsv" > "$out/volunteer-points.check.vp-csv" 2> /dev/null
if cmp -s "$out/volunteer-points.check.vp-tsv" \
    "$out/volunteer-points.check.vp-csv"; then
	check "volunteer-points: the same report from CSV and TSV" PASS
else
	check "volunteer-points: the same report from CSV and TSV" FAIL
fi
nvol=$(($(wc -l < "$out/volunteer-points.check.vp-tsv") - 1))
want=$((ROWS / 50))
[ "$want" -ge 1 ] || want=1
if [ "$nvol" -eq "$want" ]; then
	check "volunteer-points: $nvol volunteers" PASS
else
	check "volunteer-points: $nvol volunteers, not $want" FAIL
fi
# Every redemption applied: redeemed summed = the points of the file.
red=$(awk -F '\t' 'NR > 1 { s += $6 * 100 } END { printf "%.0f", s }' \
    "$out/volunteer-points.check.vp-tsv")
pts=$(awk -F '\t' 'NR > 1 { s += $3 * 100 } END { printf "%.0f", s }' \
    "$rtsv")
if [ "$red" = "$pts" ]; then
	check "redeemed = the points of the $REDS redemptions" PASS
else
	check "redeemed $red, the redemptions $pts (hundredths)" FAIL
fi
# Hours per volunteer, in hundredths: volunteer-points' hours +
# unverified_hours against datamash's sum.
awk -F '\t' 'NR > 1 { printf "%s\t%.0f\n", $1, ($4 + $10) * 100 }' \
    "$out/volunteer-points.check.vp-tsv" > "$out/volunteer-points.check.vp"
if [ -n "$dm" ]; then
	for ext in tsv csv; do
		eval "s=\$s$ext"
		dmsum "$s" | awk -F '[\t,]' '{ printf "%s\t%.0f\n", $1, $2 * 100 }' \
		    > "$out/volunteer-points.check.dm-$ext"
		if cmp -s "$out/volunteer-points.check.vp" \
		    "$out/volunteer-points.check.dm-$ext"; then
			check "datamash $ext: hours per volunteer = volunteer-points'" PASS
		else
			check "datamash $ext: hours per volunteer = volunteer-points'" FAIL
		fi
	done
fi
[ $status -ne 0 ] || rm -f "$out"/volunteer-points.check.*

# 3. Timings: "bench ID TOOL INPUT BYTES CMD..." runs CMD > /dev/null RUNS
# times after a warm-up run and appends the best to volunteer-points.tsv.
printf 'id\ttool\tinput\trows\tbytes\tseconds\tmb_s\tcpu_seconds\n' \
    > "$out/volunteer-points.tsv"
bench() {
	id=$1 tool=$2 input=$3 b=$4
	shift 4
	say "timing $tool on $input"
	best_time "$out/volunteer-points.$id" "$@" || {
		check "$tool on $input: command failed" FAIL
		return
	}
	awk -v id="$id" -v tool="$tool" -v input="$input" -v rows="$ROWS" \
	    -v b="$b" -v s="$secs" -v cpu="$cpu" 'BEGIN {
		printf "%s\t%s\t%s\t%d\t%d\t%.4f\t%.1f\t%s\n", id, tool, input,
		    rows, b, s, (s > 0 ? b / s / 1e6 : 0), cpu }' \
	    >> "$out/volunteer-points.tsv"
}
me="sh bench/volunteer-points.sh run"
# shellcheck disable=SC2086
{
	bench zcat-tsv "zhili-cat (both files)" TSV "$tsvbytes" $me zcat2 "$stsv" "$rtsv"
	bench vp-tsv "volunteer-points balance" TSV "$tsvbytes" $me vp "$stsv" "$rtsv"
	[ -z "$dm" ] || bench dm-tsv "datamash sum 6 (services)" TSV \
	    "$(bytes "$stsv")" $me dmsum "$stsv"
	bench zcat-csv "zhili-cat (both files)" CSV "$csvbytes" $me zcat2 "$scsv" "$rcsv"
	bench vp-csv "volunteer-points balance" CSV "$csvbytes" $me vp "$scsv" "$rcsv"
	[ -z "$dm" ] || bench dm-csv "datamash -t, sum 6 (services)" CSV \
	    "$(bytes "$scsv")" $me dmsum "$scsv"
}

# 4. The report.
{
	echo "zhili volunteer-points bench, $(date '+%Y-%m-%d %H:%M')," \
	    "load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)"
	echo "tools: $("$VOLUNTEER_POINTS" --version 2>/dev/null | head -n 1);" \
	    "$([ -n "$dm" ] && datamash --version | head -n 1)"
	echo "source: commit $(git rev-parse --short HEAD 2>/dev/null)$(
	    git diff --quiet HEAD -- cmd/volunteer-points lib 2>/dev/null ||
	    echo ' (cmd/volunteer-points or lib changed since)')"
	echo "data: $ROWS service records, $REDS redemptions; TSV $tsvbytes" \
	    "bytes, CSV $csvbytes bytes"
	echo "timer: $TIMER, best of $RUNS after a warm-up run, output to" \
	    "/dev/null; MB = 10^6 bytes of input"
	echo
	awk -F '\t' 'NR == 1 {
		printf "%-32s %-5s %9s %9s %9s\n", "tool", "input", "seconds",
		    "MB/s", "cpu s"
		next
	}
	{ printf "%-32s %-5s %9.3f %9.1f %9s\n", $2, $3, $6, $7, $8 }' \
	    "$out/volunteer-points.tsv"
	echo
	awk -F '\t' 'NR > 1 { t[$1] = $6 }
	function target(name, a, b, need, below,   r, ok) {
		if (!(a in t) || !(b in t) || t[b] <= 0) {
			printf "%-44s %8s %10s  %s\n", name, "-", need, "n/a"
			return
		}
		r = t[a] / t[b]
		ok = below ? r <= below : r > 1
		printf "%-44s %7.2fx %10s  %s\n", name, r, need,
		    ok ? "PASS" : "MISS"
	}
	END {
		printf "%-44s %8s %10s  %s\n", "target", "ratio", "need", "result"
		target("TSV: volunteer-points / zhili-cat", "vp-tsv",
		    "zcat-tsv", "<= 2x", 2)
		target("CSV: volunteer-points / zhili-cat", "vp-csv",
		    "zcat-csv", "<= 2x", 2)
		target("TSV: datamash / volunteer-points", "dm-tsv", "vp-tsv",
		    "> 1x", 0)
		target("CSV: datamash / volunteer-points", "dm-csv", "vp-csv",
		    "> 1x", 0)
	}' "$out/volunteer-points.tsv"
	echo
	printf '%-60s %s\n' check result
	printf '%s' "$checks"
} > "$out/volunteer-points.txt"
cat "$out/volunteer-points.txt"
[ -s "$out/volunteer-points.history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/volunteer-points.tsv")" \
	    > "$out/volunteer-points.history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/volunteer-points.tsv" | sed "s/^/$d	/" \
    >> "$out/volunteer-points.history.tsv"
exit $status
