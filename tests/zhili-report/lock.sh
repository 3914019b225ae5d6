# Two runs started together on one --out folder do not overlap: the
# second waits for the first's lock.  The programs are wrapped to log
# when each starts and ends, with the run's process id: all of one run's
# lines come before the other's.  Both reports are whole, and no
# temporary folder is left.
mkdir "$TMP/bin" "$TMP/out"
cp "$(command -v zhili-report)" "$TMP/bin/"
ln -s "$(command -v zhili-cat)" "$TMP/bin/zhili-cat"
for p in case-stats grid-import volunteer-points worker-salary dual-report; do
	printf '#!/bin/sh\necho "$PPID start" >> "%s"\n"%s" "$@"\nrc=$?\necho "$PPID end" >> "%s"\nexit $rc\n' \
		"$TMP/log" "$(command -v $p)" "$TMP/log" > "$TMP/bin/$p"
	chmod +x "$TMP/bin/$p"
done
"$TMP/bin/zhili-report" --month 2025-12 --no-charts --out "$TMP/out" ../../examples/data 2> "$TMP/e1" &
"$TMP/bin/zhili-report" --month 2025-12 --no-charts --out "$TMP/out" ../../examples/data 2> "$TMP/e2" &
wait
echo "runs: $(cut -d ' ' -f 1 "$TMP/log" | uniq | wc -l) (in turn: 2), program runs: $(grep -c start "$TMP/log")"
grep -h waiting "$TMP/e1" "$TMP/e2" | sed "s|$TMP|TMP|g"
ls -A "$TMP/out"
tail -n 2 "$TMP/out/zhili-report-2025-12/report.html"
