# Usage errors, exit 2, nothing on stdout: each option given to a report
# it does not apply to, a report or --by that does not exist, --unit
# naming a unit of no input row (did you mean, when one is close).
f="data/members.csv data/units.csv data/acts.tsv"
while read -r args; do
	# shellcheck disable=SC2086 # word splitting wanted
	dual-report $args $f
	echo "exit $?"
done <<'END'
--by street
--report members --by street
--report members --by month
--report members --total
--unit 区教育局
--report communities --unit 区教育局
--mask
--report communities --mask
--report unit
--report feedback
--by week
--report members --unit 区教育
--report members --unit 区公安局
--quarter 2025-Q5
END
