# The district's items file named before its roster, read with -j 2 to 8:
# each part's threads look up the workers of what was read before (none
# here: the items come first), while the main thread adds each part's
# workers as it takes the parts in order.  That table must not grow under
# a thread still reading it (it did: a segmentation fault in the monthly
# report, now and then; a ThreadSanitizer build, make check-tsan, saw the
# race every time).  Every -j gives -j 1's summary, payslips and
# messages, byte for byte.
d=../../examples/data
set -- -c $d/zhili.yaml $d/workers/items-2025.csv $d/workers/roster.csv
for o in "--summary --total --month 2025-12" "--month 2025-06"; do
	worker-salary -j 1 $o "$@" >"$TMP/o1" 2>"$TMP/e1"
	echo "$o: -j 1: exit $?, $(wc -l <"$TMP/o1") lines"
	for j in 2 3 4 8; do
		worker-salary -j $j $o "$@" >"$TMP/o" 2>"$TMP/e"
		rc=$?
		cmp -s "$TMP/o1" "$TMP/o" && cmp -s "$TMP/e1" "$TMP/e" &&
			echo "  -j $j: exit $rc, the same" ||
			echo "  -j $j: exit $rc, NOT the same"
	done
done
tail -n 1 "$TMP/e1"
