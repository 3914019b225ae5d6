# JSON strings escaped 64 bytes at a time (AVX-512 VBMI2: quotes and
# backslashes spread out by expansion; without VBMI2, $ZHILI_WR_SCAN=avx512;
# SSE2, =sse2): the same bytes all three ways, on 3,000 records of fields
# of 0 to 300 bytes, quotes (runs of them too), control characters, CJK
# and numbers anywhere, so that quotes fall on each byte of a 64-byte
# block and next to its halves' edge; and Python's json module reads
# every record back as the fields of the TSV (numbers as written).  Keys
# longer than 32 bytes (stored otherwise) give the same records.
awk 'BEGIN {
	n = split("a|\"|\"\"|中|\001|\037|12|-3.5| |,", t, "|")
	srand(7)
	print "a\tb\tc\td"
	for (r = 0; r < 3000; r++)
		for (i = 0; i < 4; i++) {
			s = ""
			len = int(rand() * (i == 3 ? 300 : 70))
			while (length(s) < len) {
				k = rand()
				s = s (k < 0.7 ? "x" : t[1 + int(rand() * n)])
			}
			if (rand() < 0.1)
				s = int(rand() * 1000)
			printf "%s%s", s, i < 3 ? "\t" : "\n"
		}
}' > "$TMP/e.tsv"
zhili-cat -o json "$TMP/e.tsv" > "$TMP/a" || exit
for scan in avx512 sse2; do
	ZHILI_WR_SCAN=$scan zhili-cat -o json "$TMP/e.tsv" |
		cmp - "$TMP/a" && echo "$scan: the same"
done
# keys longer than a 32-byte store (the AVX-512 path's other way)
k=key_longer_than_thirty_two_bytes
sed "1s/.*/${k}_a\t${k}_b\t${k}_c\t${k}_d/" "$TMP/e.tsv" > "$TMP/k.tsv"
zhili-cat -o json "$TMP/k.tsv" > "$TMP/b" || exit
ZHILI_WR_SCAN=sse2 zhili-cat -o json "$TMP/k.tsv" | cmp - "$TMP/b" &&
	sed "s/\"${k}_\([a-d]\)\":/\"\1\":/g" "$TMP/b" | cmp - "$TMP/a" &&
	echo "long keys: the same"
python3 -c '
import json, sys
tsv = open(sys.argv[1], encoding="utf-8").read().split("\n")[1:-1]
js = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
assert len(tsv) == len(js) == 3000
quotes = 0
for t, j in zip(tsv, js):
    o = json.loads(j)
    got = [v if isinstance(v, str) else j.split(":")[1 + k].split(",")[0].rstrip("}")
           for k, v in enumerate(o.values())]
    assert got == t.split("\t"), (t, j)
    quotes += j.count("\\\"")
print("python: 3000 records read back,", "quotes escaped" if quotes > 3000 else "few quotes")
' "$TMP/e.tsv" "$TMP/a"
