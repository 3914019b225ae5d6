# tests/completion/lists.bash: the values completion/zhili.bash offers
# against the programs' own lists: those their messages give for a value
# they do not know, and the fields cmd/*/fields.c declares.  A line for
# each list: "ok" and its length, or what differs.  Run by bash from
# tests/completion with the programs on PATH.
. ./complete.bash
top=../..

# The list in a message about the value 'zz': "(a, b or c)", "is neither
# a nor b", "is not a, b or c", "; metrics: a, b", one a line.
listed()
{
	grep "'zz'" |
	    sed -e "s/.*'zz'//" -e 's/^; [a-z]*: //' -e 's/^ is n[a-z]* //' \
		-e 's/^ (//' -e 's/)$//' -e 's/ n*or /, /' -e 's/, /\n/g' |
	    LC_ALL=C sort
}

# The canonical names the fields.c files declare, one a line.
declared()
{
	sed -n 's/^\t{ "\([a-z_0-9]*\)".*/\1/p' "$@" | LC_ALL=C sort -u
}

# same NAME LINE: the words offered for LINE against standard input.
same()
{
	local want got
	want=$(cat)
	got=$(t_words "$2")
	if [[ $want == "$got" ]]; then
		echo "$1: ok, $(wc -l <<<"$got")"
	else
		echo "$1: differs (< the program, > the completion):"
		diff <(echo "$want") <(echo "$got") | grep '^[<>]'
	fi
}

# own PROG OPT: the list PROG gives for OPT against the completion's.
own()
{
	"$1" "$2" zz 2>&1 </dev/null | listed | same "$1 $2" "$1 $2 "
}

for p in zhili-cat case-stats grid-import volunteer-points worker-salary \
    dual-report; do
	own "$p" -o
	own "$p" --encoding
done
own case-stats -m
fields=$(declared "$top"/cmd/case-stats/fields.c | paste -sd '\t')
printf '%s\n' "$fields" | case-stats -b zz 2>&1 | listed |
    same "case-stats -b" "case-stats -b "
own grid-import --level
own volunteer-points --report
own volunteer-points --by
own worker-salary --by
own dual-report --report
own dual-report --by
case-stats --classify=zz 2>&1 </dev/null |
    sed -n "s/.*(give nothing or =\([a-z]*\))$/\1/p" |
    same "case-stats --classify=" "case-stats --classify="
declared "$top"/cmd/*/fields.c | same "zhili-cat -f" "zhili-cat -f "
