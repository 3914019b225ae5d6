# bench/lib.sh: what the benchmark scripts share (sourced by bench/run.sh,
# bench/case-stats.sh and bench/csv-read.sh from the top of the tree, BUILD
# set): the folders (bin: built helpers, data: generated inputs, out:
# results), status 0, and the functions below.

bin=$BUILD/bench
data=bench/data
out=bench/out
status=0
mkdir -p "$bin" "$data" "$out" || exit 1

say() {
	printf '%s\n' "$*" >&2
}

# Single-quote each argument for a command line that hyperfine splits.
quote() {
	q=
	for a; do
		q="$q '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
	done
	printf '%s' "${q# }"
}

# newer A B: A was modified after B (POSIX test has no -nt).
newer() {
	[ -n "$(find "$1" -prune -newer "$2")" ]
}

# TIMER, unless set: hyperfine when installed, else date (with %N), else
# the shell's time.
if [ -z "${TIMER:-}" ]; then
	if command -v hyperfine > /dev/null; then
		TIMER=hyperfine
	else
		case $(date +%N) in
		[0-9]*) TIMER='date' ;;
		*) TIMER='time' ;;
		esac
	fi
fi

# best_time PREFIX CMD...: runs CMD > /dev/null RUNS times after a warm-up
# run; sets secs (the best wall-clock seconds, empty when it failed) and
# cpu (user + system seconds of the mean run with hyperfine, else -).
# hyperfine's exports go to PREFIX.json and PREFIX.csv, its messages are
# go to PREFIX.log.
best_time() {
	prefix=$1
	shift
	secs='' cpu=-
	case $TIMER in
	hyperfine)
		rm -f "$prefix.json" "$prefix.csv" "$prefix.log"
		if hyperfine -N --style basic --warmup 1 --runs "$RUNS" \
		    --export-json "$prefix.json" --export-csv "$prefix.csv" \
		    "$(quote "$@")" >> "$prefix.log" 2>&1; then
			# command,mean,stddev,median,user,system,min,max
			secs=$(awk -F, 'NR == 2 { print $(NF - 1) }' \
			    "$prefix.csv")
			cpu=$(awk -F, 'NR == 2 {
				printf "%.3f", $(NF - 3) + $(NF - 2) }' \
			    "$prefix.csv")
		fi
		;;
	date)
		"$@" > /dev/null || return 1
		i=0
		while [ $i -lt "$RUNS" ]; do
			t0=$(date +%s.%N)
			"$@" > /dev/null || return 1
			t1=$(date +%s.%N)
			secs=$(awk -v a="$t0" -v b="$t1" -v s="$secs" '
			    BEGIN { t = b - a; if (s == "" || t < s) s = t
				print s }')
			i=$((i + 1))
		done
		;;
	*)
		"$@" > /dev/null || return 1
		i=0
		while [ $i -lt "$RUNS" ]; do
			t=$( (time -p sh -c '"$@" > /dev/null 2>&1' sh "$@") \
			    2>&1 | awk '$1 == "real" { print $2 }')
			secs=$(awk -v t="$t" -v s="$secs" 'BEGIN {
				if (s == "" || t < s) s = t; print s }')
			i=$((i + 1))
		done
		;;
	esac
	[ -n "$secs" ]
}

# timed NAME OUT CMD...: runs CMD once, its output to the file OUT, under
# /usr/bin/time; sets NAME_wall (seconds), NAME_cpu (user + system
# seconds) and NAME_kb (peak memory, KB).  Its numbers also in
# $out/NAME.time.
timed() {
	name=$1 dst=$2
	shift 2
	/usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" > "$dst" ||
		return 1
	set -- $(tail -n 1 "$out/$name.time")
	eval "${name}_wall=$1 ${name}_cpu=$(echo "$2 $3" |
	    awk '{ print $1 + $2 }') ${name}_kb=$4"
}

# cases_data: build gen and the splitter (into bin, with CC) when missing
# or older than their source, and generate the ROWS generated cases as TSV
# and CSV when missing or older than gen.c: sets tsv and csv, their names.
cases_data() {
	for p in gen splitter; do
		if [ ! -x "$bin/$p" ] || newer "bench/$p.c" "$bin/$p"; then
			say "$CC -O2 -o $bin/$p bench/$p.c"
			$CC -O2 -Wall -Wextra -o "$bin/$p" "bench/$p.c" ||
				return 1
		fi
	done
	case $ROWS in
	1000000) tag=1m ;;
	*) tag=$ROWS ;;
	esac
	tsv=$data/cases-$tag.tsv
	csv=$data/cases-$tag.csv
	for f in "$tsv" "$csv"; do
		if [ ! -s "$f" ] || newer bench/gen.c "$f"; then
			say "generating $f ($ROWS rows)"
			"$bin/gen" -n "$ROWS" "--${f##*.}" > "$f.tmp" &&
				mv "$f.tmp" "$f" || return 1
		fi
	done
}
