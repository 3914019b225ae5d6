#!/bin/sh
# lint-man.sh PAGE...: mandoc -T lint -W warning and man --warnings; any
# message fails.  Pages are UTF-8 (man/zh_CN/ is Chinese).
status=0
for page in "$@"; do
	[ -f "$page" ] || continue
	out=$(mandoc -K utf-8 -T lint -W warning "$page" 2>&1)
	out2=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
	if [ -n "$out$out2" ]; then
		printf '%s\n' "$out" "$out2" | sed '/^$/d'
		status=1
	fi
done
exit $status
