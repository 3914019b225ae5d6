# bench/duckdb-report.awk: the tables of bench/duckdb.sh from its runs,
# bench/out/duckdb.runs.tsv (awk -F '\t'): rows, format, pair, tool (cs or
# duck), seconds, cpu_seconds, max_rss_kb, query_seconds,
# query_cpu_seconds, load1.  Per size and format: each program's median
# seconds with the spread (min-max), and the medians of the ratios
# DuckDB / case-stats of the pairs.  The target (issue 18): case-stats at
# least 3x faster than DuckDB's query at 5,000,000 rows on both formats.

# The median of v[1..n] (sorted in place), and lo and hi.
function median(v, n,   i, j, x) {
	for (i = 2; i <= n; i++) {
		x = v[i]
		for (j = i - 1; j >= 1 && v[j] > x; j--)
			v[j + 1] = v[j]
		v[j + 1] = x
	}
	lo = v[1]
	hi = v[n]
	return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
# "median (lo-hi)" of the values of key k in a[k, 1..cnt[k]].
function spread(a, k, fmt,   v, i, m) {
	for (i = 1; i <= cnt[k]; i++)
		v[i] = a[k, i]
	m = median(v, cnt[k])
	return sprintf(fmt " (" fmt "-" fmt ")", m, lo, hi)
}
function med(a, k,   v, i) {
	for (i = 1; i <= cnt[k]; i++)
		v[i] = a[k, i]
	return median(v, cnt[k])
}
function put(a, k, x) {
	a[k, cnt[k]] = x
}
NR == 1 { next }
{
	job = $1 SUBSEP $2
	if (!(job in seen)) {
		seen[job] = 1
		jobs[++njobs] = job
	}
	k = job SUBSEP $4
	cnt[k]++
	put(secs, k, $5)
	put(cpu, k, $6)
	put(rss, k, $7 / 1024)
	put(qsecs, k, $8)
	put(qcpu, k, $9)
	put(load, k, $10)
	p = job SUBSEP $3
	if ($4 == "cs") {
		cs[p] = $5
		cscpu[p] = $6
	} else {
		dk[p] = $5
		dq[p] = $8
		dqcpu[p] = $9
	}
	pairs[p] = job
}
END {
	for (p in pairs)
		if ((p in cs) && (p in dk) && cs[p] > 0 && cscpu[p] > 0) {
			k = pairs[p]
			cnt[k]++
			put(rproc, k, dk[p] / cs[p])
			put(rquery, k, dq[p] / cs[p])
			put(rcpu, k, dqcpu[p] / cscpu[p])
		}
	printf "%-8s %-4s %-13s %-22s %-22s %-8s %-12s\n", "rows", "file",
	    "program", "seconds", "cpu seconds", "RSS MB", "load"
	for (j = 1; j <= njobs; j++) {
		split(jobs[j], f, SUBSEP)
		k = jobs[j] SUBSEP "cs"
		printf "%-8s %-4s %-13s %-22s %-22s %-8.0f %-12s\n", f[1],
		    f[2], "case-stats", spread(secs, k, "%.3f"),
		    spread(cpu, k, "%.3f"), med(rss, k), spread(load, k, "%.2f")
		k = jobs[j] SUBSEP "duck"
		printf "%-8s %-4s %-13s %-22s %-22s %-8s %-12s\n", f[1],
		    f[2], "DuckDB query", spread(qsecs, k, "%.3f"),
		    spread(qcpu, k, "%.3f"), "", ""
		printf "%-8s %-4s %-13s %-22s %-22s %-8.0f %-12s\n", f[1],
		    f[2], "DuckDB node", spread(secs, k, "%.3f"),
		    spread(cpu, k, "%.3f"), med(rss, k), spread(load, k, "%.2f")
	}
	print ""
	print "DuckDB / case-stats, median (min-max) of the pairs:"
	printf "%-8s %-4s %-19s %-19s %-19s %-6s %s\n", "rows", "file",
	    "query (target)", "node process", "cpu (query)", "need", "result"
	for (j = 1; j <= njobs; j++) {
		split(jobs[j], f, SUBSEP)
		k = jobs[j]
		if (!cnt[k])
			continue
		r = spread(rquery, k, "%.2f")
		m = r + 0
		need = f[1] == 5000000 ? "3.00" : "-"
		res = need == "-" ? "info" : (m >= 3 ? "PASS" : "MISS")
		printf "%-8s %-4s %-19s %-19s %-19s %-6s %s\n", f[1], f[2], r,
		    spread(rproc, k, "%.2f"), spread(rcpu, k, "%.2f"), need, res
	}
}
