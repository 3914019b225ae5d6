# Rules of --classify that are not rules: an item that is not a mapping,
# a rule without its pattern, one without its name; each said at its
# line through --print-config, the first through a run.
cd "$TMP" || exit
printf '%s\n' 'case-stats:' '  categories:' '    - 噪音扰民' \
	'    - {name: 噪音扰民}' '    - pattern: 噪音' > z.yaml
case-stats -c z.yaml --print-config > /dev/null; echo "exit $?"
case-stats -c z.yaml < /dev/null; echo "exit $?"
