# make demo: the monthly report of December 2025 on the example data (its
# headline tables, then where it is), and the published figures of 2024.
# The report's folder is under the build folder: its path is shortened.
sh ../../examples/demo.sh > "$TMP/d" 2> "$TMP/e"
echo "exit $?"
sed 's|/[^ ]*/zhili-report-2025-12|BUILD/report/zhili-report-2025-12|g' "$TMP/d"
sed 's|/[^ ]*/zhili-report-2025-12|BUILD/report/zhili-report-2025-12|g' "$TMP/e" >&2
