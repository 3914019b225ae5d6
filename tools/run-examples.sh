#!/bin/sh
# run-examples.sh DIR: run the example commands read from standard input,
# one a line, "[LABEL: ]$ COMMAND", one after the other in the folder DIR
# (a scratch copy of the data they use: what one writes, the next may
# read), and print each line with the exit status of its command.
#
# A command runs with bash (for PIPESTATUS: every command of a pipeline
# gives its status, "exit 1|0" for `case-stats … | zhili-cat …`), standard
# input /dev/null and output thrown away; a command other than the last
# of a pipeline that SIGPIPE ended (141: the command after it, such as
# head, stopped reading, which may come before or after it has written
# everything) counts as 0.  When the command writes on standard error,
# the next line says which programs did ("    stderr: case-stats", the
# words before the first colon of its lines, so a message reworded
# changes nothing), or, when a status is 2 or more (a usage,
# configuration or input error: an example that does not work), the
# whole of it.
dir=$1
if [ $# != 1 ] || [ ! -d "$dir" ]; then
	echo "usage: tools/run-examples.sh DIR < COMMANDS" >&2
	exit 2
fi
err=$(mktemp) && rcs=$(mktemp) || exit 3
trap 'rm -f "$err" "$rcs"' EXIT INT TERM
while IFS= read -r line; do
	cmd=${line#*\$ }
	# shellcheck disable=SC2016
	(cd "$dir" && bash -c "$cmd"'
echo "${PIPESTATUS[*]}" >&3' </dev/null >/dev/null 2>"$err" 3>"$rcs")
	rc=$?
	# bash ended before it could tell (exit, a syntax error): its status
	[ -s "$rcs" ] || echo "$rc" >"$rcs"
	rc=$(awk '{ for (i = 1; i < NF; i++) if ($i == 141) $i = 0
		gsub(/ /, "|"); print }' "$rcs")
	echo "$line: exit $rc"
	if printf '%s\n' "$rc" | tr '|' '\n' | grep -qv '^[01]$'; then
		sed 's/^/    /' "$err"
	elif [ -s "$err" ]; then
		echo "    stderr: $(sed 's/^\([^: ]*\): .*/\1/; t; s/.*/(other)/' "$err" |
			sort -u | tr '\n' ' ' | sed 's/ $//')"
	fi
done
