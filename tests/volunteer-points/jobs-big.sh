# -j 2 on a file of more than 1 MiB (12,000 service records of 300
# volunteers, round robin): cut at 47%, the first part (the main
# thread's) a little smaller; records rejected at lines 5,600 and 6,000
# (about the cut and the middle), and duplicates of line 5,700's record
# on line 6,100 and of line 100's on line 11,900 (both sides of the cut,
# merged).  Reports, messages, counts and --reject files of -j 1 and -j 2
# the same; the totals: 11,998 records, 2 merged, each 1 h 日常服务 on a
# day of its volunteer's own (10.00 a record).
awk 'BEGIN {
	print "volunteer_id,name,team,project,date,hours,kind,verified,note"
	for (i = 2; i <= 12001; i++) {
		v = i % 300; k = int(i / 300)
		if (i == 5600 || i == 6000) {
			print "V" v ",名" v ",队" (v % 7) ",项目,2025-13-01,1,日常服务,是,bad"
			continue
		}
		if (i == 6100) { print line5700; continue }
		if (i == 11900) { print line100; continue }
		s = sprintf("V%d,名%d,队%d,项目%d,%04d-%02d-%02d,1,日常服务,是,%s", v, v,
		    v % 7, k % 5, 2020 + int(k / 12), k % 12 + 1, v % 28 + 1,
		    "an extra field to make the records longer: about a hundred bytes")
		if (i == 5700) line5700 = s
		if (i == 100) line100 = s
		print s
	}
}' > "$TMP/big.csv"
cd "$TMP" || exit 1
for j in 1 2; do
	volunteer-points -j $j --as-of 2025-12-31 --total --reject "$TMP/rej$j" big.csv > "$TMP/out$j" 2> "$TMP/err$j"
	echo "exit $?" >> "$TMP/out$j"
done
wc -c < "$TMP/big.csv"
cmp "$TMP/out1" "$TMP/out2" && cmp "$TMP/err1" "$TMP/err2" && cmp "$TMP/rej1" "$TMP/rej2" && echo "-j 1 = -j 2"
tail -n 2 "$TMP/out2"
cat "$TMP/err2"
