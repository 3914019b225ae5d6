#!/bin/sh
# demo.sh: what `make demo` shows: the figures of a year of cases of the
# district's case platform (examples/data/, the export as Excel saves it, in
# GBK), of the grid organisation from the communities' roster sheets, and
# of the volunteer teams from the points ledger of 2025, of the
# community workers' pay in 2025, and of the in-service party members'
# service in the communities where they live (双报到) in 2025, as the
# monthly report will carry them.  Six records of the export are broken on purpose
# and ten repeat a case: the messages on stderr say which, and they are not
# counted.
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
PATH=$BUILD/bin:$PATH
export PATH
cd "$here" || exit 3
# the figures as they stood when the last export was made, in January
# (--as-of: cases closed later would count as open)
asof="2025-01-20 00:00:00"
status=0
run() {
	"$@"
	rc=$?
	# 1: records were rejected, which this example data has on purpose
	[ $rc -le 1 ] || status=$rc
}
echo "双滦区 2024年 网格化服务平台事件办理情况"
echo
run case-stats --as-of "$asof" --zh -o table \
	-m total,closed,resolution_pct,on_time_pct,hours_median,satisfaction_pct \
	data/cases-2024-gbk.csv
echo
echo "按社区 (by community)"
run case-stats --as-of "$asof" --zh -o table -b community --total \
	--sort -total -m total,closed,resolution_pct,on_time_pct,overdue_open,hours_median,satisfaction_pct \
	data/cases-2024-gbk.csv 2>/dev/null
echo
echo "来源 预约代办 (appointment and agency service)"
run case-stats --as-of "$asof" -o table -b channel -m total,closed,resolution_pct \
	data/cases-2024-gbk.csv 2>/dev/null
echo
echo "网格化组织 (the grid organisation, from the communities' roster sheets)"
run grid-import --summary --total --zh -o table data/roster/*/*.csv 2>/dev/null
echo
echo "志愿服务队 2025年 (volunteer teams, from the points ledger: data/volunteers/README)"
run volunteer-points --as-of 2026-01-15 --report teams --year 2025 --total --zh -o table \
	data/volunteers/*.csv 2>/dev/null
echo
echo "社区工作者薪酬 2025年 (community workers' pay, by post: data/workers/README)"
run worker-salary --summary --by post --total --zh -o table data/workers/*.csv 2>/dev/null
echo
echo "三岗六十级 前后 (pay on an old, illustrative scale and on the current one: data/workers/scale-old.yaml)"
run worker-salary --compare data/workers/scale-old.yaml --summary --total --zh -o table \
	data/workers/*.csv 2>/dev/null
echo
echo "双报到 2025年 在职党员到社区报到服务 (dual reporting, by community: data/dual/README)"
run dual-report -c data/dual/exclude.yaml --report communities --year 2025 --total --zh \
	-o table data/dual/*.csv 2>/dev/null
exit $status
