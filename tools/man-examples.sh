#!/bin/sh
# man-examples.sh PAGE...: run every "$ command" line of the EXAMPLES
# sections in a scratch folder holding a copy of examples/man-data/, and
# print each command with its exit status.  Output goes to /dev/null;
# stderr is kept only when the status is 2 or more (a usage, configuration
# or input error: an example that does not work).
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$top/examples/man-data/." "$work/"
for page in "$@"; do
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\$ //p' |
		while IFS= read -r cmd; do
			(cd "$work" && sh -c "$cmd" >/dev/null 2>"$work/.err")
			rc=$?
			echo "$(basename "$page"): \$ $cmd: exit $rc"
			[ $rc -ge 2 ] && sed 's/^/    /' "$work/.err"
		done
done
