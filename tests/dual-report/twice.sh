# An option of a choice given twice with another value is a usage error
# (exit 2, nothing written), as a date option given twice with another
# period (zhili(7)): --by street --by month used to take the last
# silently.  The same value twice counts once.
f="data/members.csv data/units.csv data/acts.tsv"
while read -r args; do
	# shellcheck disable=SC2086 # word splitting wanted
	dual-report $args $f
	echo "exit $?"
done <<'END'
--report communities --by street --by month
--report communities --by month --by street
--report units --report communities
--report members --unit 区教育局 --unit 区卫健局
END
dual-report --report communities --by street --by street $f 2>/dev/null | head -1
dual-report --report communities --report communities --total $f 2>/dev/null | tail -1
dual-report --report members --unit 区财政局 --unit 区财政局 $f
