# jobs-gen.awk: the inputs of the tests of -j (jobs-*.sh), not a test.
# kind=members: 60 members of 4 units (M010, M020, ... never registered);
# kind=acts: rows activities, five a day from 2025-01-01, as TSV or CSV
# (fmt), with something to say every few rows, so that every cut of a
# file into 2 to 8 parts falls beside some: a duplicate of the row before
# (every 7th), an unknown member (11th), hours 0 (13th), a date that is
# none (17th), a field missing (19th), a blank line before it (23rd), a
# unit's own activity (29th; every 58th an unknown unit), in CSV an
# activity of two lines in quotes (31st), no member and no unit (37th);
# in CSV, row number long (when given) an activity of 40 lines in quotes
# that read as rows, where a cut would be no row's start.
# kind=badmembers: rows members (M001, ...) of the same units, with
# something to say every few rows: the row before again (every 7th:
# merged), the member before with another phone (11th: listed twice), no
# member_id (13th), no unit (17th), a registered_at that is no date
# (19th), registered with no community (23rd), a field missing (29th), a
# blank line before it (31st), in CSV a name of two lines in quotes
# (37th), and row number long (when given) a name of 40 lines in quotes
# that read as members' rows.
function out(a, b, c, d, e, f, g, h) {
	if (fmt == "csv")
		print a "," b "," c "," d "," e "," f "," g "," h
	else
		print a "\t" b "\t" c "\t" d "\t" e "\t" f "\t" g "\t" h
}
BEGIN {
	split("区教育局 区卫健局 区财政局 滦河镇卫生院", unit, " ")
	split("西地社区 元宝山社区 钢城社区", comm, " ")
	split("双峰寺街道 元宝山街道 滦河街道", street, " ")
	split("清扫楼道 政策宣讲 关爱老人 义诊 普法", act, " ")
	if (kind == "badmembers") {
		out("member_id", "name", "unit", "community", "street",
		    "registered_at", "listed_at", "phone")
		for (i = 1; i <= rows; i++) {
			id = sprintf("M%03d", i)
			name = "党员" i
			u = unit[1 + i % 4]
			c = comm[1 + i % 3]
			st = street[1 + i % 3]
			reg = i % 10 == 0 ? "" : sprintf("2025-%02d-10", 1 + i % 6)
			ph = "1380000" sprintf("%04d", i)
			if (i % 7 == 0) {
				id = pid; name = pname; u = pu; c = pc; reg = preg
				ph = pph; st = pst
			} else if (i % 11 == 0) {
				id = pid; name = pname; u = pu; c = pc; reg = preg
				ph = "13900000000"; st = pst
			} else if (i % 13 == 0)
				id = ""
			else if (i % 17 == 0)
				u = ""
			else if (i % 19 == 0)
				reg = "2025-02-30"
			else if (i % 23 == 0) {
				c = ""
				reg = "2025-03-01"
			} else if (i % 29 == 0) {
				if (fmt == "csv")
					print id "," name "," u "," c
				else
					print id "\t" name "\t" u "\t" c
				continue
			} else if (i % 31 == 0)
				print ""
			else if (i % 37 == 0 && fmt == "csv")
				name = "\"两行\n姓名\""
			if (i == long && fmt == "csv") {
				name = "\"假行"
				for (l = 1; l <= 40; l++)
					name = name "\nM9" l ",假,区教育局,西地社区,," \
					    "2025-01-01,2024-12-01,1"
				name = name "\""
			}
			out(id, name, u, c, st, reg, "2024-12-01", ph)
			pid = id; pname = name; pu = u; pc = c; preg = reg
			pph = ph; pst = st
		}
		exit
	}
	if (kind == "members") {
		out("member_id", "name", "unit", "community", "street",
		    "registered_at", "listed_at", "phone")
		for (i = 1; i <= 60; i++)
			out(sprintf("M%03d", i), "党员" i, unit[1 + i % 4],
			    comm[1 + i % 3], street[1 + i % 3],
			    i % 10 == 0 ? "" : sprintf("2025-%02d-10", 1 + i % 6),
			    "2024-12-01", "1380000" sprintf("%04d", i))
		exit
	}
	out("member_id", "unit", "date", "activity", "hours", "solved",
	    "community", "street")
	for (i = 1; i <= rows; i++) {
		k = int((i - 1) / 5)
		date = sprintf("2025-%02d-%02d", 1 + int(k / 28), 1 + k % 28)
		m = sprintf("M%03d", 1 + (i * 7) % 60)
		u = ""
		a = act[1 + i % 5]
		h = (1 + i % 4) / 2
		c = i % 3 == 0 ? comm[1 + i % 3] : ""
		s = i % 6 == 0 ? street[1 + i % 3] : ""
		if (i % 7 == 0) {
			m = pm; u = pu; date = pd; a = pa
		} else if (i % 11 == 0)
			m = "X999"
		else if (i % 13 == 0)
			h = 0
		else if (i % 17 == 0)
			date = "2025-02-30"
		else if (i % 19 == 0) {
			if (fmt == "csv")
				print m ",," date "," a "," h "," i % 3 "," c
			else
				print m "\t\t" date "\t" a "\t" h "\t" i % 3 "\t" c
			continue
		} else if (i % 23 == 0)
			print ""
		else if (i % 29 == 0) {
			m = ""
			u = i % 58 == 0 ? "无此单位" : unit[1 + i % 4]
		} else if (i % 31 == 0 && fmt == "csv")
			a = "\"两行\n\"\"活动\"\", 一\""
		else if (i % 37 == 0)
			m = ""
		if (i == long && fmt == "csv") {
			a = "\"假行"
			for (l = 1; l <= 40; l++)
				a = a "\nM0" 10 + l ",,2025-03-01,假行,1,1,,"
			a = a "\""
		}
		out(m, u, date, a, h, i % 3, c, s)
		pm = m; pu = u; pd = date; pa = a
	}
}
