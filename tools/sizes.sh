#!/bin/sh
# sizes.sh [-f MAX] [FILE...]: the length of every function in KNF C (the
# name at the start of a line, the body from a "{" to a "}" in column 0),
# longest first, as "LINES FILE:FUNCTION"; then, with no -f, the length of
# each file.  With -f MAX only the functions longer than MAX lines, and
# the exit status 1 when there is one (make lint).  FILE: lib/, cmd/ and
# tests/hello/ by default.
max=
if [ "${1:-}" = -f ]; then
	max=$2
	shift 2
fi
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
[ $# -gt 0 ] || set -- lib/*.[ch] cmd/*.c cmd/*/*.[ch] tests/hello/*.c
funcs=$(awk '
/^[A-Za-z_][A-Za-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name); cand = 1 }
/^\{/ { if (cand) { start = FNR; fn = name } }
/^\}/ { if (start) { print FNR - start + 1, FILENAME ":" fn; start = 0; cand = 0 } }
' "$@" | sort -rn)
if [ -n "$max" ]; then
	long=$(printf '%s\n' "$funcs" | awk -v m="$max" '$1 > m')
	[ -z "$long" ] && exit 0
	printf '%s\n' "$long"
	exit 1
fi
printf 'function lines\n%s\n\nfile lines\n' "$funcs"
wc -l "$@" | sort -rn | sed '1d'
