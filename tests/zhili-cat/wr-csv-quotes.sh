# TSV -> CSV quoting 64 bytes at a time (AVX-512; $ZHILI_WR_SCAN=avx512
# the same there; SSE2, =sse2): the same bytes all three ways, on 3,000
# records of fields of 0 to 300 bytes with commas, quotes (runs of them
# too), spaces (at a field's either end too), CJK anywhere, so that each
# falls on each byte of a 64-byte block and next to a TAB; and every
# line is the one the rule gives, made here by Python (a field in quotes,
# its quotes doubled, when it has a comma or a quote or begins or ends
# with a space) and read back by its csv module as the TSV's fields.
awk 'BEGIN {
	n = split("a|\"|\"\"|中|,| |  |,\"", t, "|")
	srand(11)
	print "a\tb\tc\td\te"
	for (r = 0; r < 3000; r++) {
		p = rand() < 0.4 ? 0 : 0.01 + rand() / 8 # 0: spaces inside only
		for (i = 0; i < 5; i++) {
			s = ""
			len = int(rand() * (i == 4 ? 300 : 80))
			while (length(s) < len)
				s = s (rand() >= p ? (rand() < 0.9 ? "x" : " 中") :
				    t[1 + int(rand() * n)])
			if (p > 0 && rand() < 0.15)
				s = (rand() < 0.5 ? " " : "") s (rand() < 0.5 ? " " : "")
			printf "%s%s", s, i < 4 ? "\t" : "\n"
		}
	}
}' > "$TMP/q.tsv"
# (ZHILI_WR_SCAN=default: neither, so the processor's best)
for scan in default avx512 sse2; do
	ZHILI_WR_SCAN=$scan zhili-cat -o csv "$TMP/q.tsv" > "$TMP/$scan" ||
		exit
done
cmp "$TMP/avx512" "$TMP/default" && echo "avx512: the same"
cmp "$TMP/sse2" "$TMP/default" && echo "sse2: the same"
python3 -c '
import csv, io, sys
tsv = open(sys.argv[1], encoding="utf-8", newline="").read().split("\n")[:-1]
out = open(sys.argv[2], encoding="utf-8", newline="").read()
lines = out.split("\n")[:-1]
assert len(tsv) == len(lines) == 3001
def q(f):
    if "," in f or "\"" in f or f[:1] == " " or f[-1:] == " ":
        return "\"" + f.replace("\"", "\"\"") + "\""
    return f
quoted = 0
for t, l in zip(tsv, lines):
    assert ",".join(q(f) for f in t.split("\t")) == l, (t, l)
    quoted += l.count("\"") > 0
back = list(csv.reader(io.StringIO(out)))
assert back == [t.split("\t") for t in tsv]
print("python: 3001 lines as the rule gives, read back;",
      "some quoted, some not" if 1000 < quoted < 2500 else "badly mixed")
' "$TMP/q.tsv" "$TMP/default"
