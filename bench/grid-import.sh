#!/bin/sh
# bench/grid-import.sh: the grid-import benchmark (make bench-grid-import).
# A roster of ROWS buildings (5,000,000; bench/gen-roster.awk) is imported
# by grid-import and converted by zhili-cat; the targets (issue 18): the
# import within 4 times zhili-cat's time, and its peak memory under 150
# bytes a building.  Best of RUNS (3) after a warm-up, output to /dev/null.
# Results also in bench/out/grid-import.txt.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1
BUILD=${BUILD:-build}
ROWS=${ROWS:-5000000}
RUNS=${RUNS:-3}
data=bench/data
out=bench/out
mkdir -p "$data" "$out" || exit 1
roster=$data/roster-$ROWS.csv
if [ ! -s "$roster" ] || [ -n "$(find bench/gen-roster.awk -newer "$roster")" ]; then
	echo "gawk -f bench/gen-roster.awk > $roster" >&2
	gawk -v ROWS="$ROWS" -f bench/gen-roster.awk > "$roster" || exit 1
fi

# best wall-clock seconds of RUNS runs of a command (output to /dev/null)
best() {
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ] || return 1
	i=0
	times=
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		times="$times $(echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }')"
		i=$((i + 1))
	done
	echo "$times" | awk '{ m = $1; for (i = 2; i <= NF; i++) if ($i < m) m = $i; print m }'
}

cat_s=$(best "$BUILD/bin/zhili-cat" "$roster") || exit 1
gi_s=$(best "$BUILD/bin/grid-import" "$roster") || exit 1
sum_s=$(best "$BUILD/bin/grid-import" --summary "$roster") || exit 1
mem=$(/usr/bin/time -f %M -o "$out/grid-import.mem" "$BUILD/bin/grid-import" "$roster" >/dev/null 2>&1; tail -n 1 "$out/grid-import.mem")
{
	echo "grid-import bench, $(date '+%Y-%m-%d %H:%M'), load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "data: $roster, $(wc -c < "$roster") bytes, $ROWS buildings"
	printf '%-28s %8s\n' command seconds
	printf '%-28s %8s\n' "zhili-cat" "$cat_s"
	printf '%-28s %8s\n' "grid-import" "$gi_s"
	printf '%-28s %8s\n' "grid-import --summary" "$sum_s"
	echo "grid-import peak memory: $mem KB"
	echo "$gi_s $cat_s" | awk '{ r = $1 / $2; printf "grid-import / zhili-cat: %.2f (need 4 or less): %s\n", r, r <= 4 ? "PASS" : "MISS" }'
	echo "$mem $ROWS" | awk '{ b = $1 * 1024 / $2; printf "bytes a building: %.0f (need under 150): %s\n", b, b < 150 ? "PASS" : "MISS" }'
} | tee "$out/grid-import.txt"
