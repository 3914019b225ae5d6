# The monthly report of December 2025 on the shipped example data: the
# folder it writes, report.md whole, and its messages (the example data
# has broken records on purpose: exit status 1, each area's kept in
# rejects/).  SOURCE_DATE_EPOCH fixes the time it says it was made.
SOURCE_DATE_EPOCH=1767225600 zhili-report --month 2025-12 --out "$TMP" \
	../../examples/data 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP|TMP|g" "$TMP/err"
cd "$TMP/zhili-report-2025-12" || exit
find . -type f ! -path './log/*' | LC_ALL=C sort
echo
cat report.md
