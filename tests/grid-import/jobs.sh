# -j: the units made by a thread of their own while the rows are read
# (the arena's pages made ready by another, the buildings' lines made
# ahead of the writing by a third) change nothing: the
# output, the messages, the exit status and the --reject file of -j 2
# and -j 3 are those of -j 1, for every sheet of data/, and for a roster
# of 6,000 buildings (bench/gen-roster.awk; many blocks of rows) with
# rejected rows, problems, buildings listed twice, names of 18,000 bytes
# (made by the main thread after the rows before them) and, last, a name
# past 64 KiB, which ends the run; from standard input too.
same() { # options and files: -j 1, 2 and 3 alike (stdin: $IN)
	for j in 1 2 3; do
		grid-import -j $j --reject "$TMP/rej$j" "$@" > "$TMP/out$j" \
		    2> "$TMP/err$j" < "${IN:-/dev/null}"
		echo $? > "$TMP/rc$j"
	done
	for j in 2 3; do
		for k in out err rc rej; do
			cmp -s "$TMP/${k}1" "$TMP/$k$j" ||
				echo "-j $j: $k differs: $*"
		done
	done
	echo "$(wc -l < "$TMP/out1") lines, $(wc -l < "$TMP/err1") messages," \
	    "exit $(cat "$TMP/rc1"): $*" | sed "s|$TMP/||g"
}
for f in data/*.csv; do
	same "$f"
	same --check "$f"
done
same --summary --total data/b.csv data/messy.csv data/edge.csv
same -o json --mask data/dup.csv data/b.csv
awk -v ROWS=6000 -f ../../bench/gen-roster.awk | awk -F, -v OFS=, '
NR % 1999 == 5 { $0 = $0 ",多" }                  # rejected, and rows below
NR % 1499 == 7 { $11 = "1380013" }                 # a bad phone
NR % 733 == 9 { $8 = "1号楼" }                     # listed twice
NR == 4000 || NR == 4003 { s = sprintf("%6000s", "x"); gsub(/ /, "楼", s); $8 = s }
{ print }' > "$TMP/big.csv"
same --max-rejected 100% "$TMP/big.csv"
same --max-rejected 100% --check "$TMP/big.csv"
same --max-rejected 100% --summary "$TMP/big.csv"
IN=$TMP/big.csv same --max-rejected 100% --check
same --strict "$TMP/big.csv"
# the building's values trimmed by the thread making the units (spaces
# and U+3000 around leaders, counts and phones), some in rejected rows
awk -F, -v OFS=, 'NR > 1 && NR % 7 == 0 { $10 = " " $10 "　" }
NR > 1 && NR % 11 == 0 { $14 = $14 " " }
NR % 13 == 0 { $11 = "　" }
{ print }' "$TMP/big.csv" > "$TMP/spaces.csv"
same --max-rejected 100% "$TMP/spaces.csv"
same --max-rejected 100% --check "$TMP/spaces.csv"
same --max-rejected 100% --level building "$TMP/big.csv" data/b.csv "$TMP/big.csv"
awk -F, -v OFS=, 'NR == 5000 { s = sprintf("%70000s", "x"); gsub(/ /, "x", s); $8 = s }
{ print }' \
    "$TMP/big.csv" > "$TMP/long.csv"
same "$TMP/long.csv"
sed "s|$TMP/||g" "$TMP/err1"
# the posts of the buildings sorted by a thread of their own while the
# end's walk notes the grids': a person leading two grids and two
# buildings (4 posts), another two buildings' online leader and three
# buildings' offline one (5), found by -j 2 and 3 as by -j 1
awk -v ROWS=6000 -f ../../bench/gen-roster.awk | awk -F, -v OFS=, '
NR == 2 || NR == 802 { $4 = "王五"; $5 = "13812345678" }
NR == 10 || NR == 20 { $10 = "王五"; $11 = "13812345678" }
NR == 1602 || NR == 30 { $12 = "赵六"; $13 = "15012345678" }
NR == 40 || NR == 50 || NR == 60 { $10 = "赵六"; $11 = "15012345678" }
{ print }' > "$TMP/posts.csv"
same --check "$TMP/posts.csv"
grep 'max-posts' "$TMP/out1" | cut -f 2,3,8
