# The example data of dual-report (examples/data/dual) is what
# examples/tools/mkdual.py writes (run again here), and every report of
# the program on it is what examples/tools/expect-dual.py, an independent
# implementation of its rules, computes; the program rejects the records
# the script rejects, and its counts of records rejected, merged and left
# out are the README's.  One line per check: PASS, or FAIL and the
# differences (-: the script, +: the program).  Needs python3.
top=../..
data=$top/examples/data/dual
tools=$top/examples/tools
if python3 "$tools/mkdual.py" "$TMP/data" 2> /dev/null &&
	diff -r "$TMP/data" "$data" > "$TMP/diff"; then
	echo "PASS mkdual.py writes examples/data/dual as it is"
else
	echo "FAIL mkdual.py does not write examples/data/dual as it is"
	head -n 20 "$TMP/diff"
fi
files="$data/members.csv $data/units.csv $data/activities-2025-H1.csv"
files="$files $data/activities-2025-H2.csv $data/unit-activities-2025.csv"
# each report twice: with the example's configuration (one unit left out)
# and without it (the built-in one)
cat > "$TMP/batch" << 'EOF'
--total
--year 2025 --total
--quarter 2025-Q2 --total --zh
--month 2025-07
--from 2025-05-12 --to 2025-08-20 --total
--by month --year 2025 --total
--report communities --total
--report communities --quarter 2025-Q1 --total
--report communities --month 2025-12 --zh
--report communities --by street --total
--report communities --by month --quarter 2025-Q3 --total
--report communities --from 2025-11-15 --total
--report members
--report members --quarter 2025-Q4 --zh
--report members --month 2025-03 --unit 区财政局 --mask
--report members --year 2025 --unit 区统计局
EOF
for c in exclude.yaml none; do
	cfg=
	[ $c = none ] || cfg="-c $data/$c"
	# shellcheck disable=SC2086
	python3 "$tools/expect-dual.py" $cfg --batch "$TMP/batch" $files > "$TMP/expect"
	n=0
	while read -r spec; do
		n=$((n + 1))
		awk -v s="== $spec" '$0 == s { on = 1; next } /^== / { on = 0 } on' \
			"$TMP/expect" > "$TMP/e$n"
		# $cfg and $spec: the options, split at spaces
		# shellcheck disable=SC2086
		dual-report $cfg $spec $files > "$TMP/p$n" 2> /dev/null
		if [ -s "$TMP/e$n" ] && cmp -s "$TMP/e$n" "$TMP/p$n"; then
			echo "PASS -c $c $spec: $(wc -l < "$TMP/p$n") lines the same"
		else
			echo "FAIL -c $c $spec"
			diff "$TMP/e$n" "$TMP/p$n" | head -n 20
		fi
	done < "$TMP/batch"
done
# Files in any order: the activities first, the members last.
rev="$data/unit-activities-2025.csv $data/activities-2025-H2.csv"
rev="$rev $data/activities-2025-H1.csv $data/units.csv $data/members.csv"
for spec in "--total" "--report communities --total" "--report members"; do
	# shellcheck disable=SC2086
	python3 "$tools/expect-dual.py" -c "$data/exclude.yaml" $spec $files > "$TMP/e"
	# shellcheck disable=SC2086
	dual-report -c "$data/exclude.yaml" $spec $rev > "$TMP/p" 2> /dev/null
	if [ -s "$TMP/e" ] && cmp -s "$TMP/e" "$TMP/p"; then
		echo "PASS files in reverse order, $spec: $(wc -l < "$TMP/p") lines the same"
	else
		echo "FAIL files in reverse order, $spec"
		diff "$TMP/e" "$TMP/p" | head -n 20
	fi
done
# The records rejected (file:line, --verbose names each; line 1 is the
# notice of the GBK file), as the script finds them; the counts of
# records read, rejected, merged and left out as README says; the
# --reject file holds the records rejected.
# shellcheck disable=SC2086
python3 "$tools/expect-dual.py" -c "$data/exclude.yaml" --list $files > /dev/null 2> "$TMP/list"
# shellcheck disable=SC2086
dual-report -c "$data/exclude.yaml" --reject "$TMP/rej.tsv" $files > /dev/null 2> "$TMP/err"
# shellcheck disable=SC2086
dual-report -c "$data/exclude.yaml" --verbose $files > /dev/null 2> "$TMP/verbose"
sed -n 's/^rejected \([^ ]*\): .*/\1/p' "$TMP/list" | sort > "$TMP/e-rej"
grep -v ': merged: \|: activity on ' "$TMP/verbose" |
	sed -n 's/^dual-report: \([^ ]*:[0-9]*\): .*/\1/p' | grep -v ':1$' | sort > "$TMP/p-rej"
if [ -s "$TMP/e-rej" ] && cmp -s "$TMP/e-rej" "$TMP/p-rej"; then
	echo "PASS the same records rejected: $(wc -l < "$TMP/p-rej")"
else
	echo "FAIL the records rejected"
	diff "$TMP/e-rej" "$TMP/p-rej" | head -n 20
fi
want=$(sed -n 's/^  records \([0-9]*\): used [0-9]*, left out \([0-9]*\), rejected \([0-9]*\), merged \([0-9]*\)$/\1 read, \3 rejected, \4 merged, \2 left out/p' \
	"$data/README")
read=$(sed -n 's/^dual-report: [0-9]* of \([0-9]*\) records rejected$/\1/p' "$TMP/err")
rej=$(sed -n 's/^dual-report: \([0-9]*\) of [0-9]* records rejected$/\1/p' "$TMP/err")
merged=$(sed -n 's/^dual-report: \([0-9]*\) duplicate .* merged.*/\1/p' "$TMP/err" |
	awk '{ n += $1 } END { print n + 0 }')
left=$(sed -n 's/^dual-report: \([0-9]*\) records* of excluded units* left out.*/\1/p' "$TMP/err")
got="$read read, $rej rejected, $merged merged, $left left out"
inrej=$(($(grep -c '' < "$TMP/rej.tsv") - 1))
if [ "$want" = "$got" ] && [ "$inrej" = "$rej" ]; then
	echo "PASS the counts of README: $got; $inrej in the --reject file"
else
	echo "FAIL the counts: README $want; dual-report $got, $inrej in the --reject file"
fi
# The early activities of the year: the count README gives, the first 10
# named as the script finds them.
want=$(sed -n 's/^  activities used [0-9]* (.*), early \([0-9]*\)$/\1/p' "$data/README")
got=$(sed -n 's/^dual-report: \([0-9]*\) activit.* before .*registered.*/\1/p' "$TMP/err")
sed -n 's/^early \([^ ]*\): .*/\1/p' "$TMP/list" | head -n 10 > "$TMP/e-early"
sed -n 's/^dual-report: \([^ ]*:[0-9]*\): activity on .*/\1/p' "$TMP/err" > "$TMP/p-early"
if [ "$want" = "$got" ] && cmp -s "$TMP/e-early" "$TMP/p-early"; then
	echo "PASS early activities: $got, the first 10 named"
else
	echo "FAIL early activities: README $want, dual-report $got"
	diff "$TMP/e-early" "$TMP/p-early" | head -n 20
fi
# The problems solved: more than 1500, as README says.
want=$(sed -n 's/^  problems solved in 2025: \([0-9]*\)$/\1/p' "$data/README")
# shellcheck disable=SC2086
got=$(dual-report -c "$data/exclude.yaml" --year 2025 --total $files 2> /dev/null |
	awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "solved") c = i }
		$1 == "total" { print $c }')
if [ "$want" = "$got" ] && [ "$got" -gt 1500 ]; then
	echo "PASS problems solved in 2025: $got"
else
	echo "FAIL problems solved in 2025: README $want, dual-report $got"
fi
