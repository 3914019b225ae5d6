# A report of dual-report among the inputs (a feedback sheet saved beside
# the data, then *.csv): exit 3 naming it, not its members read again as
# a roster (each "listed twice") or "not activities, members or units".
f="data/members.csv data/units.csv data/acts.tsv"
# shellcheck disable=SC2086 # word splitting wanted
dual-report --report members --zh -o csv $f > "$TMP/反馈单.csv" 2>/dev/null
# shellcheck disable=SC2086
dual-report $f "$TMP/反馈单.csv" 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP/||" "$TMP/err"
# shellcheck disable=SC2086
dual-report --report communities $f > "$TMP/communities.tsv" 2>/dev/null
# shellcheck disable=SC2086
dual-report $f "$TMP/communities.tsv" 2> "$TMP/err"
echo "exit $?"
sed "s|$TMP/||" "$TMP/err"
