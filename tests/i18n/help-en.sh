# Every program's --help with LANG=C: English.
unset LC_ALL LANGUAGE
LANG=C
export LANG
for p in zhili-cat case-stats grid-import volunteer-points worker-salary \
	dual-report zhili-report; do
	echo "== $p"
	$p --help
	echo "exit $?"
done
