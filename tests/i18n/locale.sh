# The language comes from the locale (LC_ALL, LC_MESSAGES, LANG) and
# LANGUAGE, as gettext reads them: LANG=zh_CN.UTF-8 (the locale make deps
# generates) gives Chinese, LANG=C English, a locale that is missing
# English with no error; the same for the C programs and zhili-report.
unset LC_ALL LANGUAGE LC_MESSAGES
for e in LANG=zh_CN.UTF-8 LANG=C LANG=C.UTF-8 LANG=xx_YY.UTF-8 \
	'LANG=C.UTF-8 LANGUAGE=zh_CN' 'LANG=zh_CN.UTF-8 LC_MESSAGES=C' \
	'LANG=C LC_MESSAGES=zh_CN.UTF-8' 'LANG=zh_CN.UTF-8 LANGUAGE=en'; do
	echo "== $e"
	for p in case-stats zhili-report; do
		env $e $p --bogus 2>&1 | head -n 1
	done
	env $e case-stats --help | sed -n 1p
done
