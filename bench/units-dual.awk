# units-dual.awk: the units report of dual-report, computed apart from it
# from the files bench/gen-dual.awk writes, for bench/dual-report.sh to
# check dual-report's figures and to time an independent tool on the same
# job.  It follows dual-report(1) for what such data holds (dates as
# YYYY-MM-DD, values not padded with spaces, no quoted CSV field), with the
# built-in configuration (2 activities a quarter, a deadline of 30 days, no
# unit left out), the period the whole input:
#
#	awk -F '\t' [-v STATS=FILE] -f bench/units-dual.awk UNITS MEMBERS ACTIVITIES
#
# (-F , for CSV).  Standard output: the report as dual-report writes it in
# TSV, its rows sorted by unit in byte order (by sort(1), C locale).  STATS,
# when given, gets "records N", "rejected N" and "merged N".
BEGIN {
	MINIMUM = 2
	PER_MONTHS = 3
	DEADLINE = 30
	minday = maxday = -1
}

FNR == 1 {
	file++
	for (i = 1; i <= NF; i++)
		col[$i] = i
	if (file == 1) {
		cu = col["单位名称"]
		cc = col["共建社区"]
		cr = col["单位报到时间"]
	} else if (file == 2) {
		mi = col["党员编号"]
		mu = col["工作单位"]
		mc = col["报到社区"]
		ml = col["入册时间"]
		mr = col["报到时间"]
	} else {
		ai = col["党员编号"]
		au = col["工作单位"]
		ad = col["服务日期"]
		aa = col["服务内容"]
		ah = col["服务时长"]
		as = col["解决问题数"]
		ac = col["服务社区"]
	}
	split("", col)
	next
}

{ records++ }

file == 1 {
	u = $cu
	r = $cr == "" ? -1 : dnum($cr)
	if (u == "" || r == -2) {
		rejected++
		next
	}
	if (u in urow) {
		if (urow[u] == $0)
			merged++
		else
			rejected++
		next
	}
	urow[u] = $0
	ucom[u] = $cc
	known[u] = 1
	next
}

file == 2 {
	id = $mi
	u = $mu
	l = $ml == "" ? -1 : dnum($ml)
	r = $mr == "" ? -1 : dnum($mr)
	if (id == "" || u == "" || l == -2 || r == -2 || (r >= 0 && $mc == "")) {
		rejected++
		next
	}
	if (id in mrow) {
		if (mrow[id] == $0)
			merged++
		else
			rejected++
		next
	}
	mrow[id] = $0
	munit[id] = u
	mlisted[id] = l
	mreg[id] = r
	known[u] = 1
	next
}

{
	id = $ai
	u = $au
	if (id != "") {
		if (!(id in munit)) {
			rejected++
			next
		}
		u = munit[id]
	} else if (u == "" || !(u in known)) {
		rejected++
		next
	}
	d = dnum($ad)
	h = hundredths($ah)
	s = $as
	if (d < 0 || h <= 0 || h > 2400 || s !~ /^[0-9]*$/ ||
	    (id == "" && $ac == "" && ucom[u] == "")) {
		rejected++
		next
	}
	key = (id != "" ? "m" id : "u" u) SUBSEP d SUBSEP $aa
	if (key in seen) {
		merged++
		next
	}
	seen[key] = 1
	if (minday < 0 || d < minday)
		minday = d
	if (d > maxday)
		maxday = d
	early = id != "" && (mreg[id] < 0 || d < mreg[id])
	if (id != "" && !early)
		counted[id]++
	acts[u]++
	uearly[u] += early
	hours[u] += h
	solved[u] += s
}

END {
	if (maxday < 0) {
		print "units-dual.awk: no activity" > "/dev/stderr"
		exit 1
	}
	last = maxday
	months = (year(maxday) - year(minday)) * 12 + month(maxday) - \
	    month(minday) + 1
	minimum = int((MINIMUM * months + PER_MONTHS - 1) / PER_MONTHS)
	for (id in munit) {
		u = munit[id]
		l = mlisted[id]
		r = mreg[id]
		if (l >= 0 && l > last)
			continue
		members[u]++
		if (r >= 0 && r <= last) {
			registered[u]++
			if (counted[id] >= minimum)
				active[u]++
		}
		if (l >= 0 && DEADLINE > 0 && l + DEADLINE <= last &&
		    (r < 0 || r > l + DEADLINE))
			overdue[u]++
	}
	print "unit\tmembers\tregistered\tregistration_pct\toverdue\tactive\t" \
	    "participation_pct\tactivities\tearly\thours\tsolved"
	fflush()
	sort = "LC_ALL=C sort"
	for (u in known)
		printf "%s\t%d\t%d\t%s\t%d\t%d\t%s\t%d\t%d\t%d.%02d\t%d\n", u,
		    members[u], registered[u], pct(registered[u], members[u]),
		    overdue[u], active[u], pct(active[u], registered[u]),
		    acts[u], uearly[u], int(hours[u] / 100), hours[u] % 100,
		    solved[u] | sort
	close(sort)
	if (STATS != "") {
		printf "records %d\nrejected %d\nmerged %d\n", records, rejected,
		    merged > STATS
		close(STATS)
	}
}

# a / b as a percentage with two decimals, rounded half away from zero;
# empty when b is 0.
function pct(a, b,   h) {
	if (b == 0)
		return ""
	h = int((a * 20000 + b) / (2 * b))
	return sprintf("%d.%02d", int(h / 100), h % 100)
}

# Hours as hundredths ("1.5", "2", "2小时"), the decimals past the second
# dropped; -1 when not a number of hours.
function hundredths(s,   n, p) {
	sub(/(小时|h|H)$/, "", s)
	if (s !~ /^[0-9]*\.?[0-9]*$/ || s !~ /[0-9]/)
		return -1
	p = index(s, ".")
	if (p == 0)
		return s * 100
	n = substr(s, p + 1) "00"
	return substr(s, 1, p - 1) * 100 + substr(n, 1, 2)
}

# The day number of YYYY-MM-DD (days since 1970-01-01), or -2 when it is
# not a date.
function dnum(s,   y, m, d, ml) {
	if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/)
		return -2
	y = substr(s, 1, 4) + 0
	m = substr(s, 6, 2) + 0
	d = substr(s, 9, 2) + 0
	ml = m == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28) : \
	    (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
	if (m < 1 || m > 12 || d < 1 || d > ml)
		return -2
	if (m <= 2)
		y--
	return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + \
	    int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 719469
}

# The year and month of a day number.
function year(n) {
	civil(n)
	return cy
}

function month(n) {
	civil(n)
	return cm
}

function civil(n,   z, era, doe, yoe, doy, mp) {
	z = n + 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - \
	    int(doe / 146096)) / 365)
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	cm = mp < 10 ? mp + 3 : mp - 9
	cy = yoe + era * 400 + (cm <= 2)
}
