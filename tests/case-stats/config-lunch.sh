# Office hours with a lunch start and no lunch end: said at the user's
# line, through --print-config and through a run; with both given, the
# file is taken.
cd "$TMP" || exit
printf '%s\n' 'office-hours:' '  start: "08:30"' '  lunch-start: "12:00"' \
	> z.yaml
case-stats -c z.yaml --print-config > /dev/null; echo "exit $?"
case-stats -c z.yaml < /dev/null; echo "exit $?"
echo '  lunch-end: "14:00"' >> z.yaml
case-stats -c z.yaml --print-config > all.yaml; echo "exit $?"
sed -n '/^office-hours:/,/^[a-z]/p' all.yaml
