# An aliases: key that names no field is an error naming the nearest.
printf 'aliases:\n  caseid: [工单号]\n' > "$TMP/z.yaml"
cd "$TMP" && case-stats -c z.yaml /dev/null; echo "exit $?"
printf 'aliases:\n  状态: [处理状态]\n' > "$TMP/z.yaml"
case-stats -c z.yaml /dev/null; echo "exit $?"
