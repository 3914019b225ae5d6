# Sourced by the jobs tests: same ROSTER ITEMS FIELDS runs worker-salary
# -j 2 and -j 1 on the two files, and shows -j 2's exit status, payslips
# (their fields FIELDS), messages and --reject file, and whether -j 1's
# are the same, byte for byte.
same() {
	for n in 2 1; do
		worker-salary -j $n --max-rejected 100% --reject "$TMP/rej$n" \
		    "$1" "$2" >"$TMP/out$n" 2>"$TMP/err$n"
		echo "-j $n: exit $?"
	done
	cut -f "$3" "$TMP/out2"
	cat "$TMP/err2" "$TMP/rej2"
	cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" &&
		cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1, -j 2: the same"
}
