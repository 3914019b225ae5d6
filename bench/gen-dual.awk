# gen-dual.awk: the records of "dual reporting" (双报到), for the
# dual-report benchmark (bench/dual-report.sh).  Three files, as
# examples/data/dual/ has them:
#
# - units (单位名称 共建社区 所属街道 单位报到时间 共建项目数): MEMBERS / 50
#   work units of the district (default 2,000): its organs (双滦区教育局),
#   institutions (双滦区第三小学, 双滦区中医院) and enterprises
#   (承德滦河钢铁有限公司), each registered with one of the 23 communities
#   of Shuangluan's three sub-districts; 1 in 20 not registered yet, 1 in
#   50 left out of the file (named by its members only), 1 in 100 with no
#   member;
# - members (党员编号 姓名 工作单位 报到社区 所属街道 入册时间 报到时间
#   联系电话): MEMBERS in-service party members (default 100,000), in
#   units of very different sizes, each with the community they live in;
#   listed on the roster from 2020 to 2024, 1 in 12 in 2025 (1 in 50 with
#   no date), most registered within 20 days, 15% later (overdue), 4% not
#   registered;
#   1 in 1,000 rows written twice, the same (merged);
# - activities (党员编号 工作单位 服务日期 服务内容 服务时长 解决问题数
#   服务社区): ACTS activities (default 10 × MEMBERS, 1,000,000) over 2025,
#   in order of date, the first on 2025-01-01 and the last on 2025-12-31;
#   5% a unit's own (no member id), the rest a member's, about ten a
#   member; the community given on 40% of them, else the member's (or
#   the unit's); hours 0.5 to 4, 1 in 10 written "2小时"; problems solved
#   0 to 3 (0 written empty now and then).  Members registered in 2025,
#   or not at all, have early activities.  Mostly valid: 1 in 997 rows
#   names a member not on the roster (rejected), 1 in 4,999 has hours 0
#   (rejected; its activity 其他, which no other row has), 1 in 9,973 a
#   date that is not one, 2025-02-30 (rejected), and 1 in 499 repeats the member, day and activity of the member
#   activity before it (merged); random draws make a few hundred more
#   such duplicates.
#
# No field holds a comma or a quote, so the CSV needs no quoting.
# Deterministic (its own MINSTD generator, integer arithmetic exact in any
# awk): the same bytes from mawk and gawk.  bench/units-dual.awk computes
# the units report from these files apart from dual-report.
#
#	awk -v MEMBERS=100000 [-v ACTS=1000000] [-v FS_OUT=tab] \
#	    -v UNITOUT=units.csv -v MEMBEROUT=members.csv \
#	    -v ACTOUT=activities.csv -f bench/gen-dual.awk
BEGIN {
	if (MEMBERS == "")
		MEMBERS = 100000
	if (ACTS == "")
		ACTS = 10 * MEMBERS
	sep = FS_OUT == "tab" ? "\t" : ","
	seed = 20250701
	places()
	unitnames()
	nsur = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 " \
	    "林 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧", sur, " ")
	ngiv = split("芳 伟 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 " \
	    "霞 平 刚 桂英 建华 玉兰 志强 淑珍 国庆 海燕 红梅 丽华 晓东 " \
	    "春梅 建军 立新 宏伟 丽娟 海涛 文静 俊峰 雪梅", giv, " ")
	nact = split("入户走访 环境卫生整治 政策宣传 助老服务 垃圾分类宣传 " \
	    "文明城市创建 防汛值守 邻里纠纷调解 义诊服务 法律咨询 " \
	    "关爱留守儿童 交通文明劝导 消防安全检查 志愿清扫 反诈宣传 " \
	    "四点半课堂 慰问困难群众 楼道清理 扫雪除冰 人口普查协助 " \
	    "心理疏导 就业政策宣讲 爱心义卖 植树护绿", act, " ")
	# day numbers: 2020-01-01 is day 0, 2025-01-01 day 1827,
	# 2025-12-31 day 2191
	split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
	nd = 0
	for (y = 2020; y <= 2025; y++)
		for (m = 1; m <= 12; m++) {
			last = mdays[m] + (m == 2 && y % 4 == 0)
			for (d = 1; d <= last; d++)
				day[nd++] = sprintf("%d-%02d-%02d", y, m, d)
		}
	units()
	members()
	activities()
}

# The 23 communities of Shuangluan's three sub-districts (shared/data/
# shuangluan-divisions.tsv).
function places(   i, n, c) {
	ncom = 0
	n = split("元宝山 东园 北园 御祥园 荣信 双安 枫林绿洲 鑫顺 金秀", c, " ")
	for (i = 1; i <= n; i++) {
		com[ncom] = c[i] "社区"
		street[ncom++] = "元宝山街道"
	}
	n = split("凤凰 果山 行宫 怡园 滦江 滦电 馨和", c, " ")
	for (i = 1; i <= n; i++) {
		com[ncom] = c[i] "社区"
		street[ncom++] = "钢城街道"
	}
	n = split("锦绣城 万和城 福溪帝苑 输送机 平安 宝鼎 欢乐江山", c, " ")
	for (i = 1; i <= n; i++) {
		com[ncom] = c[i] "社区"
		street[ncom++] = "秀水街道"
	}
}

# NUNITS work unit names, all different: the organs, then institutions,
# then enterprises.
function unitnames(   organ, inst, school, a, b, s, n, no, ni, na, nb, ns, j,
    k) {
	NUNITS = int(MEMBERS / 50)
	if (NUNITS < 1)
		NUNITS = 1
	no = split("人民政府办公室 发展和改革局 教育局 科学技术和工业信息化局 " \
	    "公安分局 民政局 司法局 财政局 人力资源和社会保障局 " \
	    "自然资源和规划分局 生态环境分局 住房和城乡建设局 交通运输局 " \
	    "水务局 农业农村局 商务局 文化广电和旅游局 卫生健康局 " \
	    "退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 " \
	    "医疗保障局 行政审批局 城市管理综合行政执法局 信访局 " \
	    "人民法院 人民检察院 纪委监委 组织部 宣传部 统战部 政法委 " \
	    "机关事务服务中心 融媒体中心 税务局 总工会 团委 妇联",
	    organ, " ")
	for (j = 1; j <= no && n < NUNITS; j++)
		unit[n++] = "双滦区" organ[j]
	ni = split("人民医院 中医院 妇幼保健院 疾病预防控制中心 " \
	    "职业技术教育中心 实验小学 实验中学 图书馆 档案馆 " \
	    "双塔山镇卫生院 滦河镇卫生院 大庙镇卫生院 偏桥子镇卫生院 " \
	    "西地镇卫生院 陈栅子镇卫生院", inst, " ")
	for (j = 1; j <= ni && n < NUNITS; j++)
		unit[n++] = (j < 10 ? "双滦区" : "") inst[j]
	# 12 primary schools, 6 middle schools, 8 kindergartens
	split("小学 中学 幼儿园", school, " ")
	for (k = 1; k <= 12 && n < NUNITS; k++)
		for (j = 1; j <= 3 && n < NUNITS; j++)
			if (k <= (j == 1 ? 12 : j == 2 ? 6 : 8))
				unit[n++] = "双滦区第" cnum(k) school[j]
	na = split("滦河 双塔 元宝 钢城 秀水 鑫达 恒通 建龙 华泰 宏远 盛源 " \
	    "天宝 兴隆 永和 瑞丰 鼎盛 汇通 信达 长城 避暑", a, " ")
	nb = split("钢铁 建材 物流 商贸 矿业 电力 热力 燃气 食品 医药 建筑 " \
	    "机械 化工 水务 环保 旅游 农业 科技 房地产开发 物业服务", b, " ")
	ns = split("有限公司 有限责任公司 股份有限公司 集团有限公司", s, " ")
	for (j = 0; n < NUNITS; j++) {
		unit[n] = "承德" a[j % na + 1] b[int(j / na) % nb + 1] \
		    s[int(j / (na * nb)) % ns + 1]
		k = int(j / (na * nb * ns))
		if (k > 0)
			unit[n] = unit[n] "第" cnum(k) "分公司"
		n++
	}
}

# 1 to 99 in Chinese numerals.
function cnum(k,   d) {
	split("一 二 三 四 五 六 七 八 九", d, " ")
	if (k < 10)
		return d[k]
	return (k >= 20 ? d[int(k / 10)] : "") "十" (k % 10 ? d[k % 10] : "")
}

# Units: a unit u has no member when u % 100 == 99, is missing from the
# file when u % 50 == 17, is not registered when u % 20 == 3.
function units(   u, r, reg) {
	if (UNITOUT == "")
		UNITOUT = "/dev/stdout"
	print "单位名称" sep "共建社区" sep "所属街道" sep "单位报到时间" sep \
	    "共建项目数" > UNITOUT
	for (u = 0; u < NUNITS; u++) {
		r = next_rand()
		ucom[u] = r % ncom
		r = int(r / ncom)
		if (u % 50 == 17) {
			ucom[u] = -1
			continue
		}
		# registered from 2023-03 to 2025-10
		reg = u % 20 == 3 ? "" : day[1155 + r % 974]
		r = int(r / 974)
		print unit[u] sep com[ucom[u]] sep street[ucom[u]] sep reg sep \
		    r % 6 > UNITOUT
	}
	# the units members are in: the others (most units, 99 in 100)
	for (u = 0; u < NUNITS; u++)
		if (u % 100 != 99 || NUNITS < 100)
			inunit[nin++] = u
}

function members(   m, r, u, c, ld, rd, line, lst, reg, ph) {
	if (MEMBEROUT == "")
		MEMBEROUT = "/dev/stdout"
	print "党员编号" sep "姓名" sep "工作单位" sep "报到社区" sep \
	    "所属街道" sep "入册时间" sep "报到时间" sep "联系电话" > MEMBEROUT
	for (m = 0; m < MEMBERS; m++) {
		r = next_rand()
		# the smaller of two draws: units of very different sizes
		u = r % nin
		r = int(r / nin)
		if (r % nin < u)
			u = r % nin
		u = inunit[u]
		munit[m] = u
		r = next_rand()
		c = r % ncom
		r = int(r / ncom)
		mcom[m] = c
		# listed 2020-01-01 .. 2024-12-31, 1 in 12 in 2025
		ld = r % 12 == 0 ? 1827 + int(r / 12) % 365 : int(r / 12) % 1827
		r = int(r / 21924)
		lst = m % 50 == 21 ? "" : day[ld]
		if (r % 25 == 0) {
			rd = -1 # not registered
		} else if (r % 100 < 85) {
			rd = ld + int(r / 100) % 21
		} else {
			rd = ld + 31 + int(r / 100) % 170
		}
		if (rd > 2191)
			rd = -1
		mreg[m] = rd
		reg = rd < 0 ? "" : day[rd]
		r = next_rand()
		ph = r % 20 == 0 ? "" : sprintf("1%d%d%08d", 3 + r % 7,
		    int(r / 7) % 10, (r * 7 + m) % 100000000)
		line = sprintf("DY%07d", m + 1) sep sur[m % nsur + 1] \
		    giv[int(m / nsur) % ngiv + 1] sep unit[u] sep com[c] sep \
		    street[c] sep lst sep reg sep ph
		print line > MEMBEROUT
		if (m % 1000 == 999)
			print line > MEMBEROUT
	}
}

function activities(   i, r, d, m, u, id, un, a, h, hs, s, c, pid, pd, pa) {
	if (ACTOUT == "")
		ACTOUT = "/dev/stdout"
	print "党员编号" sep "工作单位" sep "服务日期" sep "服务内容" sep \
	    "服务时长" sep "解决问题数" sep "服务社区" > ACTOUT
	pid = ""
	for (i = 0; i < ACTS; i++) {
		d = 1827 + int(i * 365 / ACTS)
		r = next_rand()
		a = act[r % nact + 1]
		r = int(r / nact)
		h = r % 8 + 1 # half hours: 0.5 .. 4
		r = int(r / 8)
		hs = h % 2 ? int(h / 2) ".5" : h / 2
		if (r % 10 == 0)
			hs = hs "小时"
		r = int(r / 10)
		s = r % 100
		s = s < 70 ? (s < 20 ? "" : 0) : s < 92 ? 1 : s < 98 ? 2 : 3
		r = int(r / 100)
		if (i % 20 == 10) { # a unit's own activity
			u = inunit[r % nin]
			if (ucom[u] < 0)
				u = inunit[0]
			r = int(r / nin)
			id = ""
			un = unit[u]
			c = r % 2 ? com[ucom[u]] : ""
		} else {
			m = next_rand() % MEMBERS
			id = sprintf("DY%07d", m + 1)
			un = unit[munit[m]]
			c = r % 5 < 2 ? com[mcom[m]] : ""
			if (i % 499 == 250 && pid != "") {
				id = pid
				un = pun
				a = pa
				d = pd
			} else if (i % 997 == 500) {
				id = sprintf("DY9%06d", r % 1000000)
			} else if (i % 4999 == 2500) {
				hs = "0"
				a = "其他"
			} else if (i % 9973 != 5000) {
				pid = id
				pun = un
				pa = a
				pd = d
			}
		}
		print id sep un sep (i % 9973 == 5000 ? "2025-02-30" : day[d]) \
		    sep a sep hs sep s sep c > ACTOUT
	}
}

# MINSTD (Park and Miller): products below 2^47, exact in a double.
function next_rand() {
	seed = (seed * 48271) % 2147483647
	return seed
}
