# More than 1024 days (once kept for the first 1024 met, the others read
# each time; now the months are kept, 37 here): V1 1 h on each of the 1100 days
# from 2020-01-01 (to 2023-01-04), V2 1 h on each of the first 100 days
# again, and 2021-02-30 (no such day) rejected.  As of 2025-12-31 all
# points have expired (24 months): V1 1100.00 h, 11000.00 earned and
# expired, four stars; V2 100.00 h, 1000.00, one star.
awk 'BEGIN {
	split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
	print "volunteer_id,date,hours,kind,project"
	y = 2020; m = 1; d = 1
	for (i = 0; i < 1100; i++) {
		s = sprintf("%04d-%02d-%02d", y, m, d)
		print "V1," s ",1,日常服务,a"
		if (i < 100)
			day[i] = s
		if (i == 500)
			print "V1,2021-02-30,1,日常服务,a"
		n = ml[m] + (m == 2 && y % 4 == 0)
		if (++d > n) { d = 1; if (++m > 12) { m = 1; y++ } }
	}
	for (i = 0; i < 100; i++)
		print "V2," day[i] ",1,日常服务,a"
}' > "$TMP/days.csv"
cd "$TMP" || exit
volunteer-points --as-of 2025-12-31 days.csv
