#!/bin/sh
# pot.sh OUT: extract every message of the sources into the template OUT
# (po/zhili.pot for make pot; a scratch file for tools/po-check.sh): the
# C files' _() and N_() (ngettext is xgettext's own), zhili-report's _,
# msg, step and die (cmd/zhili-report.sh; -k: its gettext calls are not
# messages).  Run from the top folder.
set -e
xgettext --from-code=UTF-8 -k_ -kN_ --add-comments=TRANSLATORS \
	--package-name=zhili --msgid-bugs-address=zhili --sort-by-file -o "$1" \
	$(ls lib/*.c cmd/*.c cmd/*/*.c | LC_ALL=C sort)
xgettext --from-code=UTF-8 -L Shell -k -k_ -kmsg -kstep -kdie:2 \
	--flag=msg:1:c-format --flag=step:1:c-format --flag=die:2:c-format \
	--msgid-bugs-address=zhili --sort-by-file -j -o "$1" cmd/zhili-report.sh
