# Every built program's usage (what it says, exit 2, for an option it does
# not know) is its man page's SYNOPSIS (mandoc -T ascii): the same forms,
# each the same words, white space and line breaks set aside.  A line
# "PASS prog" each, or "FAIL prog" and the two, one form a line, in a diff
# (-: SYNOPSIS, +: usage).
bin=$(dirname "$(command -v zhili-cat)")
man=../../man/man1
# One line per synopsis form (each starts with the program's name), its
# words separated by one space.
forms() { # prog
	awk -v p="$1" '{ for (i = 1; i <= NF; i++) {
		if ($i == p && n > 0) { printf "\n"; n = 0 }
		printf "%s%s", (n++ ? " " : ""), $i } }
		END { if (n) printf "\n" }'
}
status=0
for path in "$bin"/*; do
	[ -f "$path" ] && [ -x "$path" ] || continue
	p=$(basename "$path")
	"$p" --no-such-option > /dev/null 2> "$TMP/err"
	rc=$?
	sed -n '/^usage: /,$p' "$TMP/err" | sed '1s/^usage: //' | forms "$p" > "$TMP/usage"
	if [ -f "$man/$p.1" ]; then
		mandoc -T ascii "$man/$p.1" | col -b |
			sed -n '/^SYNOPSIS$/,/^[A-Z]/{ /^[A-Z]/d; p; }' |
			forms "$p" > "$TMP/synopsis"
	else
		echo "no man page $man/$p.1" > "$TMP/synopsis"
	fi
	if [ $rc != 2 ]; then
		echo "FAIL $p: exit $rc for a bad option, want 2"
		status=1
	elif [ -s "$TMP/usage" ] && cmp -s "$TMP/synopsis" "$TMP/usage"; then
		echo "PASS $p"
	else
		echo "FAIL $p: usage and SYNOPSIS differ"
		diff -u "$TMP/synopsis" "$TMP/usage" | tail -n +3
		status=1
	fi
done
exit $status
