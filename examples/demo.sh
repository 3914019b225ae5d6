#!/bin/sh
# demo.sh: what `make demo` shows: the toolkit's main job, the monthly
# report (zhili-report) of December 2025 on the shipped example data
# (examples/data/: the case platform's monthly exports, the communities'
# grid rosters, the volunteer points ledger, the community workers' pay,
# the in-service party members' dual reporting), written to
# $BUILD/report/zhili-report-2025-12/; its headline tables shown here; and
# the district's published figures of 2024 read straight from the year's
# export as a workbook (.xlsx): 3851 cases, resolution rate 99.84%.  The example data has
# broken records on purpose: the report keeps them in rejects/ and exits 1,
# which is not a failure here.
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$(cd "$here/.." && pwd)/build}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
PATH=$BUILD/bin:$PATH
export PATH
cd "$here" || exit 3
status=0
run() {
	"$@"
	rc=$?
	# 1: records were rejected, which this example data has on purpose
	[ $rc -le 1 ] || status=$rc
}
echo "月报 2025年12月 (the monthly report, on examples/data)"
run zhili-report --month 2025-12 --out "$BUILD/report" --no-progress data
report=$BUILD/report/zhili-report-2025-12
# the report's headings and headline tables ("…主要指标"), from report.md
awk '/^## / { head = $0; next }
	/^\*\*.*主要指标\*\*$/ { show = 1; print head; print ""; next }
	show && /^$/ && seen { show = 0; seen = 0; print ""; next }
	show && /^\|/ { print; seen = 1 }' "$report/report.md"
echo "The whole report: $report/report.html (and report.md, tables/, charts/, rejects/)"
echo
echo "双滦区 2024年 网格化服务平台事件办理情况 (the published figures, from the workbook data/cases-2024.xlsx)"
# as the figures stood when the export was made, in January: cases closed
# later would count as open
run case-stats --as-of "2025-01-20 00:00:00" --zh -o table \
	-m total,closed,resolution_pct,on_time_pct,hours_median,satisfaction_pct \
	data/cases-2024.xlsx 2>/dev/null
exit $status
