#!/bin/sh
# bench/dual-report.sh: the dual-report benchmark (make bench-dual-report).
# 100,000 generated in-service party members of 2,000 work units and a
# year of their activities, 1,000,000 rows (bench/gen-dual.awk), three
# files as examples/data/dual/ has them, as TSV and as CSV; the units
# report,
#
#	dual-report --report units UNITS MEMBERS ACTIVITIES
#
# timed against zhili-cat reading the same three files (target, issue 14
# item 7: at most 2× its time) and against the same report computed by
# awk alone (bench/units-dual.awk), for reference.  The figures are
# checked first: dual-report exits 1 with the number of records rejected
# and read that awk counts (the data holds a few bad records on purpose),
# gives the same report from CSV as from TSV, one row per unit, and
# awk's report equal to it byte for byte, from the TSV and from the CSV.
# Best of RUNS after a warm-up run, output to /dev/null; results in
# bench/out/dual-report.*.
#
#	sh bench/dual-report.sh                 # 100,000 members
#	sh bench/dual-report.sh 2000            # 2,000 members, 20,000 activities
#	MEMBERS=10000 ACTS=50000 RUNS=5 sh bench/dual-report.sh
#	sh bench/dual-report.sh run dr UNITS MEMBERS ACTIVITIES   # one job
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
case ${1:-} in
[0-9]*)
	MEMBERS=$1
	shift
	;;
esac
MEMBERS=${MEMBERS:-100000}
ACTS=${ACTS:-$((MEMBERS * 10))}
RUNS=${RUNS:-3}
DUAL_REPORT=${DUAL_REPORT:-$BUILD/bin/dual-report}
ZHILI_CAT=${ZHILI_CAT:-$BUILD/bin/zhili-cat}
GEN_AWK=${GEN_AWK:-$(command -v mawk || echo awk)}
CHECK_AWK=${CHECK_AWK:-$GEN_AWK}

# The jobs timed (and checked).
dr() { # UNITS MEMBERS ACTIVITIES
	"$DUAL_REPORT" --report units "$1" "$2" "$3"
}
drok() { # UNITS MEMBERS ACTIVITIES: the same, exit 1 (rejected) is 0
	dr "$@" 2> /dev/null
	[ $? -le 1 ]
}
zcat3() { # UNITS MEMBERS ACTIVITIES
	"$ZHILI_CAT" "$1" && "$ZHILI_CAT" "$2" && "$ZHILI_CAT" "$3"
}
awkunits() { # UNITS MEMBERS ACTIVITIES (.tsv or .csv)
	case $1 in
	*.csv) fs=, ;;
	*) fs='	' ;;
	esac
	"$CHECK_AWK" -F "$fs" -v STATS="${AWK_STATS:-}" \
	    -f bench/units-dual.awk "$@"
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
case $MEMBERS in
100000) mtag=100k ;;
*) mtag=$MEMBERS ;;
esac
case $ACTS in
1000000) atag=1m ;;
*) atag=$ACTS ;;
esac
gen() { # EXT FS_OUT
	u=$data/dual-units-$mtag.$1
	m=$data/dual-members-$mtag.$1
	a=$data/dual-activities-$mtag-$atag.$1
	if [ ! -s "$u" ] || [ ! -s "$m" ] || [ ! -s "$a" ] ||
	    newer bench/gen-dual.awk "$a"; then
		say "generating $u, $m and $a ($MEMBERS members, $ACTS activities)"
		"$GEN_AWK" -v MEMBERS="$MEMBERS" -v ACTS="$ACTS" \
		    -v FS_OUT="$2" -v UNITOUT="$u.tmp" -v MEMBEROUT="$m.tmp" \
		    -v ACTOUT="$a.tmp" -f bench/gen-dual.awk &&
			mv "$u.tmp" "$u" && mv "$m.tmp" "$m" &&
			mv "$a.tmp" "$a" || exit 1
	fi
}
gen tsv tab
gen csv comma
utsv=$data/dual-units-$mtag.tsv
mtsv=$data/dual-members-$mtag.tsv
atsv=$data/dual-activities-$mtag-$atag.tsv
ucsv=$data/dual-units-$mtag.csv
mcsv=$data/dual-members-$mtag.csv
acsv=$data/dual-activities-$mtag-$atag.csv
bytes() {
	cat "$@" | wc -c | tr -d ' '
}
tsvbytes=$(bytes "$utsv" "$mtsv" "$atsv")
csvbytes=$(bytes "$ucsv" "$mcsv" "$acsv")

for p in "$DUAL_REPORT" "$ZHILI_CAT"; do
	command -v "$p" > /dev/null || {
		say "bench: $p: not found (make all)"
		exit 1
	}
done
cat "$utsv" "$mtsv" "$atsv" "$ucsv" "$mcsv" "$acsv" > /dev/null || exit 1

# 2. The figures agree.
checks=
check() { # NAME RESULT
	checks="$checks$(printf '%-64s %s' "$1" "$2")
"
	[ "$2" != FAIL ] || status=1
}
c=$out/dual-report.check
rm -f "$c".*
say "checking the figures"
AWK_STATS=$c.awk-stats awkunits "$utsv" "$mtsv" "$atsv" > "$c.awk-tsv" ||
	check "awk on the TSV" FAIL
awkunits "$ucsv" "$mcsv" "$acsv" > "$c.awk-csv" || check "awk on the CSV" FAIL
nread=$(awk '$1 == "records" { print $2 }' "$c.awk-stats")
nrej=$(awk '$1 == "rejected" { print $2 }' "$c.awk-stats")
wantrc=1
[ "${nrej:-0}" -gt 0 ] || wantrc=0
for ext in tsv csv; do
	eval "u=\$u$ext m=\$m$ext a=\$a$ext"
	dr "$u" "$m" "$a" > "$c.dr-$ext" 2> "$c.dr-$ext.err"
	rc=$?
	summary=$(tail -n 1 "$c.dr-$ext.err")
	want="dual-report: $nrej of $nread records rejected"
	[ $wantrc -eq 1 ] || { want=; summary=; }
	if [ $rc -eq $wantrc ] && [ "$summary" = "$want" ]; then
		check "dual-report $ext: exit $rc, $nrej of $nread records rejected" PASS
	else
		check "dual-report $ext: exit $rc, '$summary'" FAIL
	fi
done
if cmp -s "$c.dr-tsv" "$c.dr-csv"; then
	check "dual-report: the same report from CSV and TSV" PASS
else
	check "dual-report: the same report from CSV and TSV" FAIL
fi
n=$(($(wc -l < "$c.dr-tsv") - 1))
want=$(($(wc -l < "$c.awk-tsv") - 1))
if [ "$n" -eq "$want" ]; then
	check "dual-report: $n units" PASS
else
	check "dual-report: $n units, awk $want" FAIL
fi
for ext in tsv csv; do
	if cmp -s "$c.dr-tsv" "$c.awk-$ext"; then
		check "awk's units report from the $ext = dual-report's" PASS
	else
		check "awk's units report from the $ext = dual-report's" FAIL
	fi
done
[ $status -ne 0 ] || rm -f "$c".*

# 3. Timings: "bench ID TOOL INPUT BYTES CMD..." runs CMD > /dev/null RUNS
# times after a warm-up run and appends the best to dual-report.tsv.
# dual-report exits 1 (records rejected): run through "|| true".
printf 'id\ttool\tinput\trows\tbytes\tseconds\tmb_s\tcpu_seconds\n' \
    > "$out/dual-report.tsv"
bench() {
	id=$1 tool=$2 input=$3 b=$4
	shift 4
	say "timing $tool on $input"
	best_time "$out/dual-report.$id" "$@" || {
		check "$tool on $input: command failed" FAIL
		return
	}
	awk -v id="$id" -v tool="$tool" -v input="$input" -v rows="$ACTS" \
	    -v b="$b" -v s="$secs" -v cpu="$cpu" 'BEGIN {
		printf "%s\t%s\t%s\t%d\t%d\t%.4f\t%.1f\t%s\n", id, tool, input,
		    rows, b, s, (s > 0 ? b / s / 1e6 : 0), cpu }' \
	    >> "$out/dual-report.tsv"
}
me="sh bench/dual-report.sh run"
# shellcheck disable=SC2086
{
	bench zcat-tsv "zhili-cat (three files)" TSV "$tsvbytes" $me zcat3 "$utsv" "$mtsv" "$atsv"
	bench dr-tsv "dual-report units" TSV "$tsvbytes" $me drok "$utsv" "$mtsv" "$atsv"
	bench awk-tsv "awk units report" TSV "$tsvbytes" $me awkunits "$utsv" "$mtsv" "$atsv"
	bench zcat-csv "zhili-cat (three files)" CSV "$csvbytes" $me zcat3 "$ucsv" "$mcsv" "$acsv"
	bench dr-csv "dual-report units" CSV "$csvbytes" $me drok "$ucsv" "$mcsv" "$acsv"
	bench awk-csv "awk units report" CSV "$csvbytes" $me awkunits "$ucsv" "$mcsv" "$acsv"
}

# 4. The report.
{
	echo "zhili dual-report bench, $(date '+%Y-%m-%d %H:%M')," \
	    "load average $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
	echo "machine: $(uname -srm), $(getconf _NPROCESSORS_ONLN) CPUs," \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null |
	    head -n 1)"
	echo "tools: $("$DUAL_REPORT" --version 2>/dev/null | head -n 1);" \
	    "awk: $CHECK_AWK"
	echo "source: commit $(git rev-parse --short HEAD 2>/dev/null)$(
	    git diff --quiet HEAD -- cmd/dual-report lib 2>/dev/null ||
	    echo ' (cmd/dual-report or lib changed since)')"
	echo "data: $MEMBERS members, $ACTS activities; TSV $tsvbytes bytes," \
	    "CSV $csvbytes bytes"
	echo "timer: $TIMER, best of $RUNS after a warm-up run, output to" \
	    "/dev/null; MB = 10^6 bytes of input"
	echo
	awk -F '\t' 'NR == 1 {
		printf "%-32s %-5s %9s %9s %9s\n", "tool", "input", "seconds",
		    "MB/s", "cpu s"
		next
	}
	{ printf "%-32s %-5s %9.3f %9.1f %9s\n", $2, $3, $6, $7, $8 }' \
	    "$out/dual-report.tsv"
	echo
	awk -F '\t' 'NR > 1 { t[$1] = $6 }
	function target(name, a, b, need, below,   r) {
		if (!(a in t) || !(b in t) || t[b] <= 0) {
			printf "%-44s %8s %10s  %s\n", name, "-", need, "n/a"
			return
		}
		r = t[a] / t[b]
		printf "%-44s %7.2fx %10s  %s\n", name, r, need,
		    !below ? "-" : r <= below ? "PASS" : "MISS"
	}
	END {
		printf "%-44s %8s %10s  %s\n", "target", "ratio", "need", "result"
		target("TSV: dual-report / zhili-cat", "dr-tsv", "zcat-tsv",
		    "<= 2x", 2)
		target("CSV: dual-report / zhili-cat", "dr-csv", "zcat-csv",
		    "<= 2x", 2)
		target("TSV: awk / dual-report (for reference)", "awk-tsv",
		    "dr-tsv", "-", 0)
		target("CSV: awk / dual-report (for reference)", "awk-csv",
		    "dr-csv", "-", 0)
	}' "$out/dual-report.tsv"
	echo
	printf '%-64s %s\n' check result
	printf '%s' "$checks"
} > "$out/dual-report.txt"
cat "$out/dual-report.txt"
[ -s "$out/dual-report.history.tsv" ] ||
	printf 'date\t%s\n' "$(head -n 1 "$out/dual-report.tsv")" \
	    > "$out/dual-report.history.tsv"
d=$(date '+%Y-%m-%dT%H:%M:%S')
sed 1d "$out/dual-report.tsv" | sed "s/^/$d	/" \
    >> "$out/dual-report.history.tsv"
exit $status
