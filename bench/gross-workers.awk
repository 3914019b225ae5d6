# gross-workers.awk: the year's gross pay of bench/gen-workers.awk's data,
# in fen, computed from the roster and the items apart from worker-salary,
# by worker-salary(1)'s method with the built-in scale (etc/zhili.yaml):
# base pay (岗位薪级工资, else the level's amount, the level given or start
# + education + years passed, at most 60), the allowance (every
# certificate of the data is of before 2025), performance + overtime +
# other pay − deduction − absence days × round(base ÷ 21.75).  Only for
# this data: the fields by position, dates not read.
#
#	awk -F ',' -f bench/gross-workers.awk ROSTER ITEMS
FNR == 1 {
	f++
	if (f == 1) {
		split("正职 21 书记 21 主任 21 副职 11 副主任 11 副书记 11 " \
		    "工作人员 1 社区工作者 1 专职社区工作者 1", a, " ")
		for (i = 1; i in a; i += 2)
			start[a[i]] = a[i + 1]
		split("高中 0 中专 0 大专 1 本科 2 硕士 3 博士 4", a, " ")
		for (i = 1; i in a; i += 2)
			edu[a[i]] = a[i + 1]
		allow["助理社会工作师"] = 5000
		allow["社会工作师"] = 10000
		allow["高级社会工作师"] = 20000
	}
	next
}
f == 1 {
	if ($11 != "")
		b = $11 * 100
	else {
		l = $5 != "" ? $5 : start[$4] + edu[$7] + $10
		if (l > 60)
			l = 60
		b = (2000 + 50 * (l - 1)) * 100
	}
	base[$1] = b
	al[$1] = $8 != "" ? allow[$8] : 0
	next
}
{
	b = base[$1]
	# half away from zero of b / 21.75 = b * 4 / 87 (b > 0)
	day = int((b * 8 + 87) / 174)
	sum += b + al[$1] + ($4 + $5 + $6 - $7) * 100 - $8 * day
}
END {
	printf "%.0f\n", sum
}
