# gen-volunteers.awk: the service records and redemptions of a volunteer
# points system, for the volunteer-points benchmark (bench/volunteer-points.sh).
# ROWS service records (default 1,000,000) of ROWS / 50 volunteers, 50
# each, in 72 teams (three for each of 24 of Shuangluan's communities) and
# 996 projects, over 2024 and 2025; and REDS redemptions (default 100,000)
# in the second half of 2025, each of 5 to 50 points.  Deterministic (its
# own MINSTD generator, integer arithmetic exact in any awk).
#
# The data is such that the rules of the ledger change no hours: every
# hours value is a multiple of 0.5 h and at most 8, and no volunteer has
# two records on one day (so neither the unit nor the daily cap cuts, and
# there are no duplicates); 5% of the records are unverified.  So the
# hours summed per volunteer by any tool equal volunteer-points' hours +
# unverified_hours, which bench/volunteer-points.sh checks.  Every
# volunteer has records before the redemptions and earns far more than
# they spend: no redemption is rejected.
#
#	awk -v ROWS=1000000 -v OUT=services.csv -v REDOUT=redemptions.csv \
#	    [-v FS_OUT=tab] -f bench/gen-volunteers.awk
BEGIN {
	if (ROWS == "")
		ROWS = 1000000
	if (REDS == "")
		REDS = 100000
	sep = FS_OUT == "tab" ? "\t" : ","
	seed = 20240101
	ncom = split("元宝山 东园 北园 御祥园 荣信 双安 枫林绿洲 鑫顺 金秀 " \
	    "凤凰 果山 行宫 怡园 滦江 滦电 馨和 锦绣城 万和城 福溪帝苑 输送机 " \
	    "平安 宝鼎 欢乐江山 龙玺御园", com, " ")
	split("志愿服务队 党员志愿服务队 巾帼志愿服务队", kindofteam, " ")
	for (t = 0; t < 72; t++)
		team[t] = com[t % ncom + 1] "社区" kindofteam[int(t / ncom) + 1]
	np = split("助老送餐 环境整治 文明劝导 法律咨询 防汛值守 垃圾分类 " \
	    "义诊服务 四点半课堂 邻里调解 消防巡查 扶残助残 交通劝导", ptype, " ")
	nsur = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 " \
	    "林 罗", sur, " ")
	ngiv = split("芳 伟 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 " \
	    "霞 平 刚 桂英 建华 玉兰 志强 淑珍 国庆 海燕 红梅 丽华", giv, " ")
	nitem = split("大米 食用油 洗衣液 毛巾 肥皂 牙膏 挂面 鸡蛋 酱油 纸巾",
	    item, " ")
	# 2024-01-01 .. 2025-12-31: day[0..730]
	split("31 29 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	nd = 0
	for (y = 2024; y <= 2025; y++)
		for (m = 1; m <= 12; m++) {
			last = mdays[m] - (m == 2 && y == 2025)
			for (d = 1; d <= last; d++)
				day[nd++] = sprintf("%d-%02d-%02d", y, m, d)
		}
	nvol = int(ROWS / 50)
	if (nvol < 1)
		nvol = 1
	if (OUT == "")
		OUT = "/dev/stdout"
	print "志愿者编号" sep "姓名" sep "志愿服务队" sep "服务项目" sep \
	    "服务日期" sep "服务时长" sep "服务类型" sep "审核状态" > OUT
	for (i = 0; i < ROWS; i++) {
		v = i % nvol
		k = int(i / nvol)
		# 13 is prime to 731: the k-th day of a volunteer differs from
		# their others for k < 731
		dd = (v * 7 + k * 13) % 731
		r = next_rand()
		h = r % 16 + 1 # 0.5 .. 8 hours
		r = int(r / 16)
		w = r % 100
		kind = w < 80 ? "日常服务" : w < 95 ? "专业服务" : "应急服务"
		r = int(r / 100)
		ver = r % 20 == 0 ? "待审核" : "已审核"
		r = int(r / 20)
		p = (v * 31 + r % 7) % 996
		printf "V%06d%s%s%s%s%s%s·%d%s%s%s%s%s%s%s%s\n", v, sep,
		    sur[v % nsur + 1] giv[int(v / nsur) % ngiv + 1], sep,
		    team[v % 72], sep, ptype[p % np + 1], int(p / np) + 1, sep,
		    day[dd], sep, h % 2 ? int(h / 2) ".5" : h / 2, sep, kind,
		    sep, ver > OUT
	}
	if (REDOUT == "")
		exit
	print "志愿者编号" sep "兑换日期" sep "兑换积分" sep "兑换物品" > REDOUT
	for (j = 0; j < REDS; j++) {
		r = next_rand()
		printf "V%06d%s%s%s%d%s%s\n", (j * 7919) % nvol, sep,
		    day[547 + r % 184], sep, 5 + int(r / 184) % 46, sep,
		    item[int(r / 8464) % nitem + 1] > REDOUT
	}
}

# MINSTD (Park and Miller): products below 2^47, exact in a double.
function next_rand() {
	seed = (seed * 48271) % 2147483647
	return seed
}
