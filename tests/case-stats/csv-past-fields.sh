# The fields past the last one the counts read (description here) are
# only scanned, not split (rd_fields_upto): every record the full reading
# rejects is still rejected, for the same reason on the same line — a
# quote out of place, a CR, too many or too few fields, a byte not UTF-8,
# all of them past the fields read, in a line's first 64 bytes or later
# — and a record whose fields read are all empty but whose description
# is not is no blank line.  The same output as with the scanners that
# split every field (avx2) and as libcsv's.
d='网格员走访发现迎宾路行宫花园南侧商户在店外经营；下班高峰堵塞道路，望尽快解决'
h='case_id,reported_at,closed_at,status,community,description'
{
	echo "$h"
	echo "C1,2024-01-01 08:00,2024-01-01 10:00,已办结,甲社区,$d"
	echo "C2,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,\"$d,\"\"引\"\"\""
	echo "C3,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,\"$d\"x"
	echo "C4,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,$d\"q"
	echo "C5,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,$d,extra"
	echo "C6,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区"
	echo "C7,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,a,b,c,$d"
	printf 'C8,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,%s\r%s\n' "$d" "$d"
	printf 'C9,2024-01-01 08:00,2024-01-01 12:00,已办结,乙社区,%s\377%s\n' "$d" "$d"
	printf 'C10,2024-01-01 08:00,,处理中,丙社区,%s\r\n' "$d"
	echo ",,,,,$d"
	echo ',,,,,""'
	echo ",,,,,"
	echo "C11,2024-01-01 08:00,2024-01-01 09:00,已办结,丙社区,\"$d"
	echo "$d\""
	echo 'C12,2024-01-01 08:00,2024-01-01 09:30,已办结,丙社区,x"'
	echo 'C13,2024-01-01 08:00,2024-01-01 09:30,已办结,丙社区,""'
	echo 'C14,2024-01-01 08:00,2024-01-01 09:30,已办结,丙社区,"a"b'
} > "$TMP/c.csv"
cd "$TMP" || exit 1
run() {
	case-stats --as-of "2024-02-01" --max-rejected 90% -b community \
	    --total c.csv 2>&1
}
run > "$TMP/fast"
ZHILI_CSV_SCAN=avx2 run > "$TMP/avx2"
ZHILI_CSV_LIBCSV=1 run > "$TMP/libcsv"
cmp "$TMP/fast" "$TMP/avx2" && cmp "$TMP/fast" "$TMP/libcsv" && cat "$TMP/fast"
