# Files in any order: activities before members and units, or between
# them, give the same report and the same messages (the members and units
# files are read first, whatever their place).  Each of the six orders
# against the first, for each report.
m=data/members.csv u=data/units.csv a=data/acts.tsv
for r in units communities members; do
	dual-report --report $r $m $u $a > "$TMP/want" 2> "$TMP/want.err"
	for o in "$m $a $u" "$u $m $a" "$u $a $m" "$a $m $u" "$a $u $m"; do
		# shellcheck disable=SC2086 # the file names hold no blanks
		dual-report --report $r $o > "$TMP/got" 2> "$TMP/got.err"
		cmp -s "$TMP/want" "$TMP/got" && cmp -s "$TMP/want.err" "$TMP/got.err" ||
			echo "$r, $o: differs"
	done
	echo "$r: $(($(wc -l < "$TMP/want") - 1)) rows, the same in every order"
done
# An activity of a member whose file comes later is known; rejections
# name their own file and line, whatever the order.
dual-report --max-rejected 100% data/bad-acts.csv data/rej-m.csv data/units.csv data/members.csv 2>&1 >/dev/null | head -3
