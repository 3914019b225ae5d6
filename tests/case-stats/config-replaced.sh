# A user's file whose !replace null takes the whole case-stats: section
# away: the error names the line that does it, through --print-config and
# through a run (of any program: each checks every section).
cd "$TMP" || exit
printf '%s\n' '# no status words, no rules' 'case-stats: !replace ~' > z.yaml
case-stats -c z.yaml --print-config > /dev/null; echo "exit $?"
case-stats -c z.yaml < /dev/null; echo "exit $?"
grid-import -c z.yaml --print-config > /dev/null; echo "exit $?"
