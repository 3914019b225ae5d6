# gen-workers.awk: a roster of community workers and a year of their
# monthly pay items, for the worker-salary benchmark
# (bench/worker-salary.sh).  WORKERS workers (default 100,000) in the 23
# communities of Shuangluan's three sub-districts, and a row of items per
# worker and month of 2025 (1,200,000 rows by default), month by month as a
# payroll exports them.  Two files, as examples/data/workers/ has them:
# the roster (工号 姓名 社区 岗位 薪级 入职时间 学历 职业资格 取得时间
# 考核合格年数 岗位薪级工资 缴费基数) and the items (工号 姓名 月份 绩效工资
# 加班费 其他应发 扣款 缺勤天数 专项附加扣除; empty is 0).  Deterministic
# (its own MINSTD generator, integer arithmetic exact in any awk): the same
# bytes from mawk and gawk.
#
# Nothing is rejected with the default configuration: every post is one of
# its posts or synonyms, every level (given, or start + education + years
# passed) is within 1-60 or is past 60 by the facts (then 60), everyone was
# hired and certified before 2025 (so the allowance is paid every month and
# every month counts for the tax), absences are whole days, deductions
# are small, and no net pay is below zero.  Half the workers have a level,
# the others the facts, one in 50 a base pay of their own; 40% a
# contribution base.
#
#	awk -v WORKERS=100000 -v OUT=roster.csv -v ITEMOUT=items.csv \
#	    [-v FS_OUT=tab] -f bench/gen-workers.awk
BEGIN {
	if (WORKERS == "")
		WORKERS = 100000
	sep = FS_OUT == "tab" ? "\t" : ","
	seed = 20250101
	ncom = split("元宝山 东园 北园 御祥园 荣信 双安 枫林绿洲 鑫顺 金秀 " \
	    "凤凰 果山 行宫 怡园 滦江 滦电 馨和 锦绣城 万和城 福溪帝苑 输送机 " \
	    "平安 宝鼎 欢乐江山", com, " ")
	# posts as written: 1-3 正职, 4-5 副职, 6-8 工作人员
	split("正职 书记 主任 副职 副主任 副书记 工作人员 社区工作者 " \
	    "专职社区工作者", post, " ")
	nedu = split("高中 中专 大专 本科 硕士 博士", edu, " ")
	split("助理社会工作师 社会工作师 高级社会工作师", cert, " ")
	nsur = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 " \
	    "林 罗", sur, " ")
	ngiv = split("芳 伟 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 " \
	    "霞 平 刚 桂英 建华 玉兰 志强 淑珍 国庆 海燕 红梅 丽华", giv, " ")
	if (OUT == "")
		OUT = "/dev/stdout"
	print "工号" sep "姓名" sep "社区" sep "岗位" sep "薪级" sep \
	    "入职时间" sep "学历" sep "职业资格" sep "取得时间" sep \
	    "考核合格年数" sep "岗位薪级工资" sep "缴费基数" > OUT
	for (w = 0; w < WORKERS; w++) {
		r = next_rand()
		k = r % 20 # post: 1 in 20 正职, 3 in 20 副职
		p = k == 0 ? 1 + r % 3 : k < 4 ? 4 + r % 2 : 6 + r % 3
		r = int(r / 20)
		yh = 1995 + r % 30 # hired 1995-2024
		r = int(r / 30)
		hired = yh "/" (1 + r % 12) "/" (1 + int(r / 12) % 28)
		r = int(r / 336)
		e = edu[3 + r % 3] # 大专, 本科, 硕士
		r = int(r / 3)
		yrs = r % (2025 - yh)
		r = int(r / 30)
		level = ""
		base = ""
		if (w % 50 == 7)
			base = 2500 + (w % 40) * 45
		else if (r % 2)
			level = 1 + int(r / 2) % 60
		r = next_rand()
		c = r % 5 # 2 in 5 certified, before 2025
		ce = c < 2 ? cert[1 + int(r / 5) % 3] : ""
		cd = c < 2 ? (2010 + int(r / 15) % 15) "/" \
		    (1 + int(r / 225) % 12) "/" (1 + int(r / 2700) % 28) : ""
		cb = int(r / 75600) % 5 < 2 ? 4000 + int(r / 378000) % 80 * 50 : ""
		printf "W%06d%s\n", w, sep name(w) sep com[w % ncom + 1] "社区" \
		    sep post[p] sep level sep hired sep e sep ce sep cd sep yrs \
		    sep base sep cb > OUT
		kind[w] = p <= 3 ? 1 : p <= 5 ? 2 : 3
	}
	if (ITEMOUT == "")
		exit
	print "工号" sep "姓名" sep "月份" sep "绩效工资" sep "加班费" sep \
	    "其他应发" sep "扣款" sep "缺勤天数" sep "专项附加扣除" > ITEMOUT
	for (m = 1; m <= 12; m++)
		for (w = 0; w < WORKERS; w++) {
			r = next_rand()
			perf = (kind[w] == 1 ? 2000 : kind[w] == 2 ? 1500 : 1000) + \
			    r % 41 * 25
			r = int(r / 41)
			ot = (m == 7 || m == 8) && r % 4 == 0 ? 100 + r % 7 * 50 : ""
			r = int(r / 4)
			oth = r % 3 == 0 ? "" : 100 + r % 3 * 50
			r = int(r / 3)
			ded = r % 10 == 0 ? 20 + r % 9 * 10 : ""
			r = int(r / 10)
			ab = r % 25 == 0 ? 1 + r % 2 : ""
			r = int(r / 25)
			sad = (w % 4) * 1000 + (w % 3 == 0 ? 500 : 0)
			printf "W%06d%s%s%s2025-%02d%s%d%s%s%s%s%s%s%s%s%s%d\n", w,
			    sep, name(w), sep, m, sep, perf, sep, ot, sep, oth, sep,
			    ded, sep, ab, sep, sad > ITEMOUT
		}
}

function name(w) {
	return sur[w % nsur + 1] giv[int(w / nsur) % ngiv + 1]
}

# MINSTD (Park and Miller): products below 2^47, exact in a double.
function next_rand() {
	seed = (seed * 48271) % 2147483647
	return seed
}
