# tests/case-stats/jobs-gen.awk: cases for the tests of -j (jobs-*.sh),
# rows of them (-v rows=N), as CSV or TSV (-v fmt=csv|tsv), LF or CRLF line
# ends (-v crlf=1), with no final line end when -v nofinal=1; all that
# makes a cut between parts hard: descriptions of many lines with commas
# and quotes (CSV), cases again far apart (a later state, or the same
# state again), blank lines, records rejected for many reasons (a quote
# in an unquoted CSV field among them), unknown status words and years
# the calendar does not cover.  Deterministic.
BEGIN {
	n = split("石洞子沟社区 钢城社区 元宝山社区 双峰寺社区", comm, " ")
	split("环境卫生 占道经营 供暖供水 物业纠纷 其他", cat, " ")
	split("已办结 已办结 已办结 办理中 已退回 作废", st, " ")
	split("已归档 待回访 归档了", odd, " ")
	sep = fmt == "csv" ? "," : "\t"
	eol = crlf ? "\r\n" : "\n"
	out = "case_id" sep "community" sep "category" sep "reported_at" sep \
	    "closed_at" sep "status" sep "deadline" sep "satisfaction" sep \
	    "updated_at" sep "description"
	for (i = 1; i <= rows; i++) {
		printf "%s%s", out, eol
		if (i % 733 == 0)
			printf "%s", eol
		out = row(i)
	}
	printf "%s%s", out, nofinal ? "" : eol
}

function two(v) { return sprintf("%02d", v) }

function when(i, h, m) {
	if (m == "")
		m = i % 60
	return "2024-" two(i % 12 + 1) "-" two(i % 27 + 1) " " two(h) ":" \
	    two(m) ":" two(i * 7 % 60)
}

# A field of CSV as the platforms write it: quoted when it must be.
function q(s) {
	if (fmt != "csv") {
		gsub(/\n/, "\\n", s)
		return s
	}
	if (s ~ /[",\n]/) {
		gsub(/"/, "\"\"", s)
		return "\"" s "\""
	}
	return s
}

function row(i,    id, rep, clo, s, dl, sat, upd, d, k, h) {
	id = sprintf("SL%08d", i)
	upd = ""
	if (i % 97 == 0 && i > rows / 2) { # the case again, later, closed
		id = sprintf("SL%08d", i - int(rows / 2))
		upd = "2024-12-31 23:00:00"
	} else if (i % 89 == 0 && i > rows / 3) # again, no later state
		id = sprintf("SL%08d", i - int(rows / 3) + 1)
	h = i % 11
	rep = when(i, h)
	if (i % 501 == 0)
		sub(/^2024/, "2031", rep) # not in the calendar
	if (i % 1301 == 0)
		sub(/^2024/, "2033", rep)
	s = st[i % 6 + 1]
	if (i % 211 == 0)
		s = odd[i % 3 + 1]
	clo = s == "已办结" || s == "作废" ? when(i, h + i % 13, i * 13 % 60) : ""
	if (substr(rep, 1, 4) != "2024" && clo != "")
		clo = substr(rep, 1, 4) substr(clo, 5)
	dl = i % 4 == 0 ? "5个工作日" : i % 4 == 1 ? when(i + 3, 17) : ""
	sat = i % 3 == 0 ? "满意" : i % 3 == 1 ? "不满意" : ""
	d = "楼道堆放杂物"
	if (i % 3 == 0) { # many lines
		d = "第一行, 网格员上报:"
		for (k = 0; k < i % 9 + 1; k++)
			d = d "\n第" (k + 2) "行 \"引号\", 逗号"
	}
	if (i % 307 == 0)
		s = ""			  # empty status
	if (i % 401 == 0)
		rep = "2024-13-45 10:00:00" # not a date
	if (i % 577 == 0 && clo != "")
		clo = "2023-01-01 00:00:00" # before reported_at
	if (i % 503 == 0)		  # a field too few
		return id sep comm[i % n + 1] sep cat[i % 5 + 1] sep rep sep \
		    clo sep s sep dl sep sat sep q(d)
	if (fmt == "csv" && i % 601 == 0) # a quote in an unquoted field
		return id sep comm[i % n + 1] sep "环境\"卫生" sep rep sep clo \
		    sep s sep dl sep sat sep upd sep q(d)
	return id sep comm[i % n + 1] sep cat[i % 5 + 1] sep rep sep clo sep \
	    s sep dl sep sat sep upd sep q(d)
}
