#!/bin/sh
# lint.sh: the hand-written C code compiled with the strict warnings of
# LINT_CC (the Makefile gives it: its compiler, preprocessor flags and
# -Wpedantic -Wshadow -Wconversion; any warning fails), the generated
# table too, every C file formatted as .clang-format says (KNF), and no
# function over 80 lines (tools/sizes.sh).
# Prints PASS or FAIL per check, the messages of a failure indented.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 3
: "${LINT_CC:?the Makefile gives LINT_CC (make lint)}"
build=${BUILD:-build}
files=$(ls lib/*.c cmd/*.c cmd/*/*.c tests/hello/*.c 2>/dev/null)
headers=$(ls lib/*.h cmd/*/*.h tests/unit/*.h 2>/dev/null)
status=0

out=$(for f in $files "$build/lib/cfg_default.c"; do
	[ -f "$f" ] || { echo "$f: missing (build first)"; continue; }
	# shellcheck disable=SC2086
	eval "$LINT_CC" -fsyntax-only "$f" 2>&1
done)
if [ -n "$out" ]; then
	echo "FAIL lint-c: warnings under the strict flags"
	printf '%s\n' "$out" | head -n 40 | sed 's/^/    /'
	status=1
else
	echo "PASS lint-c ($(echo $files | wc -w) files and the generated table)"
fi

if ! command -v clang-format >/dev/null 2>&1; then
	echo "FAIL format: no clang-format (make deps installs it)"
	status=1
elif out=$(clang-format --dry-run --Werror $files $headers tests/unit/*.c \
	tests/fuzz/*.c 2>&1) && [ -z "$out" ]; then
	echo "PASS format (.clang-format: KNF)"
else
	echo "FAIL format: not as .clang-format has it (make format):"
	printf '%s\n' "$out" | grep 'error:' | head -n 20 | sed 's/^/    /'
	status=1
fi
if out=$(sh tools/sizes.sh -f 80); then
	echo "PASS function length (none over 80 lines)"
else
	echo "FAIL function length: over 80 lines (STYLE.md)"
	printf '%s\n' "$out" | sed 's/^/    /'
	status=1
fi
exit $status
