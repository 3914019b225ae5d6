# The example data of worker-salary (examples/data/workers) is what
# examples/tools/mkworkers.py writes (run again here; its workbooks are
# examples/tools/lo-books.sh's), and every payslip
# of the year and every summary of the program on it is what
# examples/tools/expect-workers.py, an independent implementation of
# worker-salary(1)'s method, computes; the program rejects the records the
# script rejects and names the same workers without items.  One line per
# check: PASS, or FAIL and the differences (-: the script, +: the
# program).  Needs python3.
top=../..
data=$top/examples/data/workers
tools=$top/examples/tools
if python3 "$tools/mkworkers.py" "$TMP/data" 2> /dev/null &&
	diff -r -x '*.xls' "$TMP/data" "$data" > "$TMP/diff"; then
	echo "PASS mkworkers.py writes examples/data/workers as it is"
else
	echo "FAIL mkworkers.py does not write examples/data/workers as it is"
	head -n 20 "$TMP/diff"
fi
files="$data/roster.csv $data/items-2025.csv"
# the payslips of the year, every field
# shellcheck disable=SC2086
python3 "$tools/expect-workers.py" --list $files > "$TMP/e0" 2> "$TMP/list"
# shellcheck disable=SC2086
worker-salary $files > "$TMP/p0" 2> "$TMP/err"
if [ -s "$TMP/e0" ] && cmp -s "$TMP/e0" "$TMP/p0"; then
	echo "PASS the payslips: $(wc -l < "$TMP/p0") lines the same"
else
	echo "FAIL the payslips"
	diff "$TMP/e0" "$TMP/p0" | head -n 20
fi
cat > "$TMP/batch" << 'EOF2'
--summary
--summary --total
--summary --by post --total
--summary --by community --total --zh
EOF2
# shellcheck disable=SC2086
python3 "$tools/expect-workers.py" --batch "$TMP/batch" $files > "$TMP/expect"
n=0
while read -r spec; do
	n=$((n + 1))
	awk -v s="== $spec" '$0 == s { on = 1; next } /^== / { on = 0 } on' \
		"$TMP/expect" > "$TMP/e$n"
	# $spec: the options, split at spaces
	# shellcheck disable=SC2086
	worker-salary $spec $files > "$TMP/p$n" 2> /dev/null
	if [ -s "$TMP/e$n" ] && cmp -s "$TMP/e$n" "$TMP/p$n"; then
		echo "PASS $spec: $(wc -l < "$TMP/p$n") lines the same"
	else
		echo "FAIL $spec"
		diff "$TMP/e$n" "$TMP/p$n" | head -n 20
	fi
done < "$TMP/batch"
# The rejected records (file:line; line 1 is the notice of the GBK file),
# the workers without items and the count of records read.  --verbose:
# every rejected record named.
# shellcheck disable=SC2086
worker-salary --verbose $files > /dev/null 2> "$TMP/err"
sed -n 's/^rejected \([^ ]*\): .*/\1/p' "$TMP/list" | sort > "$TMP/e-rej"
sed -n 's/^worker-salary: \([^ ]*:[0-9]*\): .*/\1/p' "$TMP/err" | grep -v ':1$' |
	sort > "$TMP/p-all"
sed -n "s/^worker-salary: \([^ ]*:[0-9]*\): worker '[^']*' of the roster has no monthly items$/\1/p" \
	"$TMP/err" | sort > "$TMP/p-none"
comm -23 "$TMP/p-all" "$TMP/p-none" > "$TMP/p-rej"
sed -n 's/^no items \([^ ]*\): .*/\1/p' "$TMP/list" | sort > "$TMP/e-none"
want=$(sed -n 's/^records \([0-9]*\): payslips [0-9]*, rejected \([0-9]*\)$/\2 of \1/p' "$TMP/list")
got=$(sed -n 's/^worker-salary: \([0-9]* of [0-9]*\) records rejected$/\1/p' "$TMP/err")
if cmp -s "$TMP/e-rej" "$TMP/p-rej" && cmp -s "$TMP/e-none" "$TMP/p-none" &&
	[ "$want" = "$got" ]; then
	echo "PASS the same records rejected: $got; $(wc -l < "$TMP/p-none") worker without items"
else
	echo "FAIL rejected: expect-workers.py $want, worker-salary $got"
	diff "$TMP/e-rej" "$TMP/p-rej" | head -n 20
	diff "$TMP/e-none" "$TMP/p-none"
fi
# The year month by month, each month's items with the payslips of the
# months before as --ytd (all of them: SQ0123 has no April), give the
# year's payslips (worker-salary(1): the chain).
head -n 1 "$TMP/p0" > "$TMP/ytd"
for m in 1 2 3 4 5 6 7 8 9 10 11 12; do
	mm=$(printf %02d $m)
	awk -F , -v a="2025-$mm" -v b="2025年${m}月" 'NR == 1 || $3 == a || $3 == b' \
		"$data/items-2025.csv" > "$TMP/items-$mm.csv"
	if [ $m = 1 ]; then
		worker-salary "$data/roster.csv" "$TMP/items-$mm.csv"
	else
		worker-salary --ytd "$TMP/ytd" "$data/roster.csv" "$TMP/items-$mm.csv"
	fi 2> /dev/null | tail -n +2 > "$TMP/month"
	cat "$TMP/month" >> "$TMP/ytd"
done
tail -n +2 "$TMP/p0" | sort > "$TMP/year"
tail -n +2 "$TMP/ytd" | sort > "$TMP/chain"
if [ -s "$TMP/year" ] && cmp -s "$TMP/year" "$TMP/chain"; then
	echo "PASS month by month with --ytd: the year's $(wc -l < "$TMP/chain") payslips"
else
	echo "FAIL month by month with --ytd (-: the year in one run, +: the chain)"
	diff "$TMP/year" "$TMP/chain" | head -n 20
fi
