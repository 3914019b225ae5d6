#!/bin/sh
# bench/csv-read.sh: the CSV reader (issue 18, item 2).  zhili-cat CSV ->
# TSV with the SIMD fast path and with libcsv alone ($ZHILI_CSV_LIBCSV, as
# before the fast path), against the splitter over the same CSV, and
# zhili-cat TSV -> TSV for reference.  Paired runs: each round runs every
# command once, in turn, so that a burst of other work weighs on all of
# them; the ratio to the splitter is taken in each round and its median
# reported, with the median and best seconds of each command.  Checks
# first that both readers give the same bytes, and the TSV the same.
#
# Environment: BUILD (build), CC (cc), ROWS (1000000, as bench/run.sh:
# the same data files), RUNS (11 rounds).  Results: bench/out/csv-read.txt
# and csv-read.tsv (every run).  Exit status 1 when a check failed.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-11}
LC_ALL=C
export LC_ALL
. bench/lib.sh

cases_data || exit 1
zcat=$BUILD/bin/zhili-cat
[ -x "$zcat" ] || { say "bench: $zcat: not built (make all)"; exit 1; }

# The checks.
"$zcat" "$csv" > "$out/csv-read.fast" &&
	ZHILI_CSV_LIBCSV=1 "$zcat" "$csv" > "$out/csv-read.libcsv" &&
	"$zcat" "$tsv" > "$out/csv-read.tsv-out" || exit 1
for c in libcsv tsv-out; do
	if cmp -s "$out/csv-read.fast" "$out/csv-read.$c"; then
		say "check: fast path = $c: PASS"
	else
		say "check: fast path = $c: FAIL (kept in $out/csv-read.*)"
		status=1
	fi
done
[ "$status" = 0 ] && rm -f "$out"/csv-read.fast "$out"/csv-read.libcsv \
	"$out"/csv-read.tsv-out

# now: nanoseconds (GNU date).
now() {
	date +%s%N
}
run() {
	case $1 in
	split) "$bin/splitter" "$csv" ;;
	fast) "$zcat" "$csv" ;;
	libcsv) ZHILI_CSV_LIBCSV=1 "$zcat" "$csv" ;;
	tsv) "$zcat" "$tsv" ;;
	esac > /dev/null
}
load0=$(cut -d' ' -f1 /proc/loadavg)
for id in split fast libcsv tsv; do run "$id" || exit 1; done # warm-up
printf 'round\tid\tseconds\n' > "$out/csv-read.tsv"
i=0
while [ "$i" -lt "$RUNS" ]; do
	i=$((i + 1))
	for id in split fast libcsv tsv; do
		t0=$(now)
		run "$id" || exit 1
		t1=$(now)
		printf '%d\t%s\t%s\n' "$i" "$id" \
			"$(echo "$t0 $t1" | awk '{ printf "%.4f", ($2 - $1) / 1e9 }')"
	done >> "$out/csv-read.tsv"
done
load1=$(cut -d' ' -f1 /proc/loadavg)
bytes=$(wc -c < "$csv" | tr -d ' ')
tbytes=$(wc -c < "$tsv" | tr -d ' ')
awk -F '\t' -v bytes="$bytes" -v tbytes="$tbytes" -v ld="$load0 -> $load1" -v rows="$ROWS" '
function median(a, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
NR > 1 { t[$1, $2] = $3; n = $1 }
END {
	split("split fast libcsv tsv", ids, " ")
	name["split"] = "splitter, CSV"
	name["fast"] = "zhili-cat CSV -> TSV"
	name["libcsv"] = "zhili-cat CSV -> TSV, libcsv alone"
	name["tsv"] = "zhili-cat TSV -> TSV (its MB of TSV)"
	printf "%d rows, %d bytes of CSV; %d paired rounds; load %s\n\n", \
	    rows, bytes, n, ld
	printf "| %-38s | median s | best s | MB/s | vs splitter |\n", "command"
	printf "|%s|---------:|-------:|-----:|------------:|\n", \
	    "----------------------------------------"
	for (k = 1; k <= 4; k++) {
		id = ids[k]
		for (r = 1; r <= n; r++) {
			s[r] = t[r, id]
			q[r] = t[r, "split"] / t[r, id]
		}
		best = s[1]
		for (r = 2; r <= n; r++)
			if (s[r] < best)
				best = s[r]
		m = median(s, n)
		printf "| %-38s | %8.3f | %6.3f | %4.0f | %11.2f |\n", \
		    name[id], m, best, (id == "tsv" ? tbytes : bytes) / m / 1e6,
		    median(q, n)
	}
}' "$out/csv-read.tsv" | tee "$out/csv-read.txt"
exit $status
