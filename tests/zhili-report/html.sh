# report.html is well-formed: XML (every tag closed; the charts' SVG
# inline) and HTML (xmllint --html says nothing but that it does not know
# the SVG elements); each chart's ids its own.  Its headline figures are
# the programs' own output, each run here as the report's man page says.
d=../../examples/data
zhili-report --month 2025-11 --out "$TMP" "$d" 2> /dev/null
r=$TMP/zhili-report-2025-11/report.html
xmllint --noout "$r" && echo "XML: well-formed"
xmllint --html --noout "$r" 2>&1 | grep 'error' | grep -v ': Tag [a-zA-Z]* invalid$'
echo "HTML: $(xmllint --html --noout "$r" 2>&1 | grep -c 'error' | sed 's/^[1-9].*/only SVG tags unknown/')"
grep -o 'id="[^"]*"' "$r" | sort | uniq -d
# cell ROW COLUMN of the table ID (COLUMN 2 the month, 3 the month
# before, 5 the year so far)
cell() {
	xmllint --html --xpath "string(//table[@id='$1']//tr[td[1]='$2']/td[$3])" "$r" 2> /dev/null
}
# same WHAT EXPECTED GOT
same() {
	if [ "$2" = "$3" ] && [ -n "$2" ]; then echo "$1: $2"; else echo "$1: the program says '$2', the report '$3'"; fi
}
cs() { case-stats -c "$d/zhili.yaml" "$@" "$d"/cases/*.csv 2> /dev/null | cut -f "$col" | tail -n 1; }
col=1 && same "cases, 2025-11" "$(cs --as-of '2025-12-01 00:00:00' --month 2025-11 -m total)" "$(cell cases 受理事件 2)"
col=1 && same "cases, 2025-10" "$(cs --as-of '2025-11-01 00:00:00' --month 2025-10 -m total)" "$(cell cases 受理事件 3)"
col=1 && same "resolution, 2025-11" "$(cs --as-of '2025-12-01 00:00:00' --month 2025-11 -m resolution_pct)" "$(cell cases '办结率(%)' 2)"
col=1 && same "resolution, 2025 to November" "$(cs --as-of '2025-12-01 00:00:00' --from 2025-01-01 --to 2025-11-30 -m resolution_pct)" "$(cell cases '办结率(%)' 5)"
col=1 && same "on time, 2025-11" "$(cs --as-of '2025-12-01 00:00:00' --month 2025-11 -m on_time_pct)" "$(cell cases '按期办结率(%)' 2)"
col=1 && same "satisfaction, 2025-11" "$(cs --as-of '2025-12-01 00:00:00' --month 2025-11 -m satisfaction_pct)" "$(cell cases '满意率(%)' 2)"
gi() { grid-import --summary --total "$d"/roster/*/*.csv 2> /dev/null | awk -F '\t' -v f="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i } END { print $c }'; }
same "grids" "$(gi grids)" "$(cell roster 网格 2)"
same "grid party branches" "$(gi grid_party_branches)" "$(cell roster 网格党支部 2)"
same "owners' committees" "$(gi owners_committees)" "$(cell roster 业主委员会 2)"
same "building leaders offline" "$(gi offline_leaders)" "$(cell roster 线下楼长 2)"
same "building leaders online" "$(gi online_leaders)" "$(cell roster 网络楼长 2)"
vp() { volunteer-points -c "$d/zhili.yaml" --report teams --total "$@" "$d"/volunteers/*.csv 2> /dev/null | tail -n 1 | cut -f "$col"; }
col=7 && same "services, 2025-11" "$(vp --month 2025-11)" "$(cell volunteers 服务次数 2)"
col=4 && same "volunteer hours, 2025-11" "$(vp --month 2025-11)" "$(cell volunteers '服务时长(小时)' 2)"
col=5 && same "points, 2025 to November" "$(vp --year 2025 --to 2025-11-30)" "$(cell volunteers 获得积分 5)"
ws() { worker-salary -c "$d/zhili.yaml" --summary --total "$@" "$d"/workers/*.csv 2> /dev/null | tail -n 1 | cut -f "$col"; }
col=3 && same "workers, 2025-11" "$(ws --month 2025-11)" "$(cell workers '社区工作者(人)' 2)"
col=5 && same "mean gross, 2025-11" "$(ws --month 2025-11)" "$(cell workers '人均应发(元)' 2)"
col=7 && same "employer cost, 2025-10" "$(ws --month 2025-10)" "$(cell workers '单位用工成本(元)' 3)"
dr() { dual-report -c "$d/zhili.yaml" --report units --total "$@" "$d"/dual/*.csv 2> /dev/null | tail -n 1 | cut -f "$col"; }
col=4 && same "registration, 2025-11" "$(dr --month 2025-11)" "$(cell dual '报到率(%)' 2)"
col=7 && same "participation, 2025-11" "$(dr --month 2025-11)" "$(cell dual '参与率(%)' 2)"
col=11 && same "problems solved, 2025 to November" "$(dr --year 2025 --to 2025-11-30)" "$(cell dual 解决问题 5)"
