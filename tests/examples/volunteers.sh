# The example data of volunteer-points (examples/data/volunteers) is what
# examples/tools/mkvolunteers.py writes (run again here), and every report
# of the program on it is what examples/tools/expect-volunteers.py, an
# independent implementation of its rules, computes; the program rejects
# the records the script rejects.  One line per check: PASS, or FAIL and
# the differences (-: the script, +: the program).  Needs python3.
top=../..
data=$top/examples/data/volunteers
tools=$top/examples/tools
asof=2026-01-15
if python3 "$tools/mkvolunteers.py" "$TMP/data" 2> /dev/null &&
	diff -r "$TMP/data" "$data" > "$TMP/diff"; then
	echo "PASS mkvolunteers.py writes examples/data/volunteers as it is"
else
	echo "FAIL mkvolunteers.py does not write examples/data/volunteers as it is"
	head -n 20 "$TMP/diff"
fi
cat > "$TMP/batch" << 'EOF'
--total
--report balance --zh --total
--report ledger
--report ledger --month 2025-08 --zh
--report ledger --volunteer SL00408 --from 2025-05-01
--report teams --total
--report teams --year 2025 --total
--report teams --quarter 2025-Q1 --total --zh
--report teams --month 2025-07
--report rank --year 2025 --top 50
--report rank --by points --from 2025-03-30 --to 2025-04-30 --top 20
--report rank --by points --top 15
--report stars --total
--report stars --zh
EOF
python3 "$tools/expect-volunteers.py" --as-of $asof --list --batch "$TMP/batch" \
	"$data"/*.csv > "$TMP/expect" 2> "$TMP/list"
n=0
while read -r spec; do
	n=$((n + 1))
	awk -v s="== $spec" '$0 == s { on = 1; next } /^== / { on = 0 } on' \
		"$TMP/expect" > "$TMP/e$n"
	# $spec: the options, split at spaces
	# shellcheck disable=SC2086
	volunteer-points --as-of $asof $spec "$data"/*.csv > "$TMP/p$n" 2> "$TMP/err"
	if [ -s "$TMP/e$n" ] && cmp -s "$TMP/e$n" "$TMP/p$n"; then
		echo "PASS $spec: $(wc -l < "$TMP/p$n") lines the same"
	else
		echo "FAIL $spec"
		diff "$TMP/e$n" "$TMP/p$n" | head -n 20
	fi
done < "$TMP/batch"
# The rejected records (file:line; line 1 is the notice of the GBK file)
# and the count of records read.
sed -n 's/^rejected \([^ ]*\): .*/\1/p' "$TMP/list" | sort > "$TMP/e-rej"
grep -v ': merged: ' "$TMP/err" | sed -n 's/^volunteer-points: \([^ ]*:[0-9]*\): .*/\1/p' |
	grep -v ':1$' | sort > "$TMP/p-rej"
want=$(sed -n 's/^records \([0-9]*\):.* rejected \([0-9]*\), merged \([0-9]*\)$/\2 of \1, \3 merged/p' "$TMP/list")
got=$(sed -n 's/^volunteer-points: \([0-9]*\) of \([0-9]*\) records rejected$/\1 of \2/p' "$TMP/err"),
got="$got $(sed -n 's/^volunteer-points: \([0-9]*\) duplicate service records merged .*/\1/p' "$TMP/err") merged"
if cmp -s "$TMP/e-rej" "$TMP/p-rej" && [ "$want" = "$got" ]; then
	echo "PASS the same records rejected: $got"
else
	echo "FAIL rejected: expect-volunteers.py $want, volunteer-points $got"
	diff "$TMP/e-rej" "$TMP/p-rej" | head -n 20
fi
