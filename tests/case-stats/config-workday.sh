# A working day in a user's calendar that the built-in calendar has for a
# holiday (National Day): said at the user's line, through --print-config
# and through a run; the advice followed (the year's holidays: given too,
# without it), the file is taken, and the day is a working day.
cd "$TMP" || exit
printf '%s\n' 'calendar:' '  2025:' '    workdays: [2025-09-28, 2025-10-01]' \
	> z.yaml
case-stats -c z.yaml --print-config > /dev/null; echo "exit $?"
case-stats -c z.yaml < /dev/null; echo "exit $?"
echo '    holidays: [2025-10-02, 2025-10-03]' >> z.yaml
case-stats -c z.yaml --print-config > all.yaml; echo "exit $?"
sed -n '/^  2025:/,/^  2026:/p' all.yaml
