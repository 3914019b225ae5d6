# A second run of the same month replaces the report folder whole (a
# file left in the old one is gone) and leaves no temporary folder.
zhili-report --month 2025-03 --out "$TMP" data/small 2> /dev/null
echo "exit $?"
: > "$TMP/zhili-report-2025-03/old-file"
zhili-report --month 2025-03 --out "$TMP" data/small 2> /dev/null
echo "exit $?"
cd "$TMP" && ls -A . zhili-report-2025-03
