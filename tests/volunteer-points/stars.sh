# Star levels at exactly their hours and just below.  Each volunteer's
# hours are written as days of 24 h and a last day of the rest (hours-unit
# 0.01, no cap, so every hundredth counts).  S01 99.99 h: no star; S02
# 100: one; S03 299.99: one; S04 300: two; S05 599.99: two; S06 600:
# three; S07 999.99: three; S08 1000: four; S09 1499.99: four; S10 1500:
# five.  S11 earns 1500 h but unverified: none.  The stars report counts
# per team (A: S01-S05, B: S06-S11).
cd "$TMP" || exit
awk 'BEGIN {
	print "volunteer_id,team,date,hours,kind,verified"
	n = split("9999 10000 29999 30000 59999 60000 99999 100000 149999 150000 150000", h, " ")
	for (i = 1; i <= n; i++) {
		id = sprintf("S%02d", i); team = i <= 5 ? "A" : "B"
		v = i == 11 ? "待审核" : "已审核"
		for (d = 0; h[i] > 0; d++) {
			x = h[i] > 2400 ? 2400 : h[i]; h[i] -= x
			printf "%s,%s,%s,%d.%02d,日常服务,%s\n", id, team,
			    strftime("%Y-%m-%d", 1704067200 + d * 86400, 1),
			    x / 100, x % 100, v
		}
	}
}' > stars.csv
volunteer-points -c "$OLDPWD/data/stars.yaml" --as-of 2025-12-31 stars.csv |
	cut -f 1,4,9,10
volunteer-points -c "$OLDPWD/data/stars.yaml" --as-of 2025-12-31 --report stars --total stars.csv
