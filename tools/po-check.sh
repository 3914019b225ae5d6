#!/bin/sh
# po-check.sh: every message of the sources (a template extracted afresh by
# tools/pot.sh) has a translation in each po/LANG.po, none fuzzy, and
# msgfmt -c finds the format strings (printf conversions) consistent.
# Run from the top folder; exit 1 with what to do when not.
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
sh tools/pot.sh "$tmp/zhili.pot" || exit 2
st=0
for po in po/*.po; do
	msgmerge -q -o "$tmp/merged.po" "$po" "$tmp/zhili.pot" || exit 2
	if ! stats=$(msgfmt -c --statistics -o /dev/null "$tmp/merged.po" 2>&1); then
		printf '%s\n' "$stats" | sed "s|$tmp/merged.po|$po|"
		echo "$po: msgfmt -c finds errors (a printf conversion changed?): fix them in $po"
		st=1
		continue
	fi
	case $stats in
	*fuzzy* | *untranslated*)
		echo "$po: $stats"
		echo "$po: run 'make pot' (xgettext, then msgmerge --update $po po/zhili.pot), translate in $po every entry with an empty msgstr or a '#, fuzzy' line (remove the line), then make check again"
		st=1
		;;
	esac
done
exit $st
