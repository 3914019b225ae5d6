# tests/completion/options.bash: for every program completion/zhili.bash
# completes, its options against the program: every option its --help
# (the option lines), its usage and its man page's SYNOPSIS and option
# list name is completed, and every option completed is one the program
# takes (given it, then --help: no "unknown option").  One line a
# program, then a line for each difference.  Run by bash from
# tests/completion with the programs on PATH.
. ./complete.bash
man=../../man/man1

# The options in the text on standard input (-x, --long), one a line.
opts_in()
{
	grep -oE '(^|[][ ,(|])--?[A-Za-z][A-Za-z0-9-]*' | sed 's/^[^-]*//'
}

# The options prog's documents name: --help's option lines, the usage,
# the man page's SYNOPSIS and option list (.It Fl).
documented()
{
	local prog=$1
	"$prog" --help 2>/dev/null | grep '^[[:blank:]]*-' | opts_in
	"$prog" --no-such-option-zz 2>&1 </dev/null | sed 1d | opts_in
	[[ -f $man/$prog.1 ]] &&
	    sed -n -e '/^\.Sh SYNOPSIS/,/^\.Sh /p' -e '/^\.It Fl /p' \
		"$man/$prog.1" | grep -oE 'Fl -?[A-Za-z][A-Za-z0-9-]*' |
	    sed 's/^Fl /-/'
}

# Does prog take option o?  Given with a value where it needs one, then
# --help, which ends the run before any work.
takes()
{
	local prog=$1 o=$2 kind err
	kind=$(_zhili_kind "$prog" "$o")
	[[ $prog:$o == case-stats:--classify ]] && kind=
	if [[ -z $kind ]]; then
		err=$("$prog" "$o" --help 2>&1 >/dev/null </dev/null)
	elif [[ $o == --* ]]; then
		err=$("$prog" "$o=1" --help 2>&1 >/dev/null </dev/null)
	else
		err=$("$prog" "$o" 1 --help 2>&1 >/dev/null </dev/null)
	fi
	! grep -qiE "unknown option|invalid option|unrecognized option|doesn't allow|requires an argument|ambiguous" <<<"$err"
}

progs=$(complete -p | sed -n "s/.* -F _zhili //p" | LC_ALL=C sort)
cd "$TMP" || exit
man=$OLDPWD/$man
for prog in $progs; do
	if ! command -v "$prog" >/dev/null; then
		echo "$prog: not built"
		continue
	fi
	completed=$(t_words "$prog -")
	doc=$(documented "$prog" | LC_ALL=C sort -u)
	echo "$prog: $(wc -l <<<"$completed") options completed," \
	    "$(wc -l <<<"$doc") in its --help, usage and man page"
	LC_ALL=C comm -13 <(echo "$completed") <(echo "$doc") |
	    sed "s/^/$prog: not completed: /"
	for o in $completed; do
		takes "$prog" "$o" || echo "$prog: not taken: $o"
	done
done
