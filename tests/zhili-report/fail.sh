# A program that fails (here every one: data/badconf/zhili.yaml is not
# YAML) makes the run exit 3, says which on standard error and in the
# report, which is still written whole with what could be computed.
zhili-report --month 2025-03 --no-charts --out "$TMP" data/badconf 2>&1 | sed "s|$TMP|TMP|g"
echo "exit $(zhili-report --month 2025-03 --no-charts --out "$TMP" data/badconf > /dev/null 2>&1; echo $?)"
grep '未能完成' "$TMP/zhili-report-2025-03/report.md"
