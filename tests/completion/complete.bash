# tests/completion/complete.bash LINE...: complete each LINE (the text
# before the cursor) as bash would with completion/zhili.bash, and print
# "> LINE", then the words offered, sorted, one a line, then "(nospace)"
# when the word is not to be ended with a space.  Readline's split is
# followed: words at blanks, and '=' a word of its own (COMP_WORDBREAKS);
# a LINE ending in a blank starts a new, empty word.  Run by bash; the
# other tests source it for t_complete.
. "$(dirname "${BASH_SOURCE[0]}")/../../completion/zhili.bash"

# compopt works only in a completion bash runs; here it notes the options.
compopt()
{
	[[ $1 == -o ]] && t_opts+=" $2"
	return 0
}

# t_complete LINE: COMPREPLY and t_opts for LINE; 1 when its program has
# no completion.
t_complete()
{
	local line=$1 spec fn
	COMP_LINE=$line
	COMP_POINT=${#line}
	read -r -a COMP_WORDS <<<"${line//=/ = }"
	[[ $line == *[[:blank:]] ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	t_opts=
	COMPREPLY=()
	spec=$(complete -p "${COMP_WORDS[0]}" 2>/dev/null) || return 1
	fn=${spec#*-F }
	fn=${fn%% *}
	"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	return 0
}

# t_words LINE: the words offered for LINE, sorted, one a line.
t_words()
{
	t_complete "$1" || return
	((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
}

# run, not sourced: complete the arguments
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	for line; do
		printf '> %s\n' "$line"
		if ! t_complete "$line"; then
			echo "no completion for ${line%% *}"
			continue
		fi
		((${#COMPREPLY[@]})) &&
		    printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
		[[ $t_opts == *nospace* ]] && echo "(nospace)"
	done
	true
fi
