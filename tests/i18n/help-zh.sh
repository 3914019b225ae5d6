# Every program's --help with LANGUAGE=zh_CN: Chinese, and no line wider
# than 80 columns (a CJK character two) but the examples the English has.
LANGUAGE=zh_CN
export LANGUAGE
for p in zhili-cat case-stats grid-import volunteer-points worker-salary \
	dual-report zhili-report; do
	echo "== $p"
	$p --help > "$TMP/h"
	echo "exit $?"
	cat "$TMP/h"
	LANGUAGE=en $p --help > "$TMP/en"
	while IFS= read -r l; do
		w=$(printf '%s\n' "$l" | wc -L)
		[ "$w" -le 80 ] || grep -Fxq -- "$l" "$TMP/en" ||
			echo "$p: a line $w columns wide: $l"
	done < "$TMP/h"
done
