# --check --zh on the example rosters: the sheet for the sub-district office
# is Chinese throughout.  The rule: no ASCII letter anywhere but in the
# file column (a path, as given) and the code column (division codes), and
# an identity number's check character X (18 characters, digits or the
# mask's asterisks, then X).  The sheet's own values are checked to have
# none; a letter in a name the roster gives would fail it too.
grid-import --check --zh ../../examples/data/roster/*/*.csv 2>/dev/null > "$TMP/o"
cat "$TMP/o"
awk -F '\t' '{
	for (i = 2; i <= NF; i++) {
		if (i == 4)
			continue
		v = $i
		gsub(/[0-9*]{17}[Xx]/, "", v)
		if (v ~ /[A-Za-z]/)
			print "ASCII letter: line " NR " column " i ": " $i
	}
}' "$TMP/o"
