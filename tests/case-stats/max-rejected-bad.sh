# A max-rejected that is neither a count nor a share: exit 2, on the
# command line and in a configuration file (with its line and column).
case-stats --max-rejected lots data/d1.csv; echo "exit $?"
case-stats --max-rejected 101% data/d1.csv; echo "exit $?"
case-stats --max-rejected 0.001% data/d1.csv; echo "exit $?"
printf 'records:\n  max-rejected: -1\n' > "$TMP/z.yaml"
cd "$TMP" && case-stats -c z.yaml /dev/null; echo "exit $?"
printf 'records:\n  max-rejectd: 5\n' > "$TMP/z.yaml"
case-stats -c z.yaml /dev/null; echo "exit $?"
