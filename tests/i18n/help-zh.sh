# Every program's --help with LANGUAGE=zh_CN: Chinese, aligned, no line
# wider than 80 columns (a CJK character is two wide).
LANGUAGE=zh_CN
export LANGUAGE
for p in zhili-cat case-stats grid-import volunteer-points worker-salary \
	dual-report zhili-report; do
	echo "== $p"
	$p --help > "$TMP/h"
	echo "exit $?"
	cat "$TMP/h"
	w=$(wc -L < "$TMP/h")
	[ "$w" -le 80 ] || echo "$p: --help is $w columns wide"
done
