#!/bin/sh
# man-examples.sh PAGE...: run every "$ command" line of the EXAMPLES
# sections, one after the other in a scratch folder holding a copy of
# examples/man-data/ and one of examples/data/ as examples/data/ (for the
# pages whose examples read the shipped example data, from the top of the
# sources), and print each, "PAGE: $ command: exit STATUS", as
# tools/run-examples.sh does: the status of each command of a pipeline,
# the programs that wrote on standard error, all of it when a status is 2
# or more.
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp -R "$top/examples/man-data/." "$work/"
mkdir "$work/examples" && cp -R "$top/examples/data" "$work/examples/"
for page in "$@"; do
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\$ //p' |
		sed "s|^|$(basename "$page"): \$ |"
done | sh "$top/tools/run-examples.sh" "$work"
