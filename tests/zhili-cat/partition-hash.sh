# --partition: each record in the part of its field's value, FNV-1a 64 of
# the value's bytes (trimmed, full-width folded), fmix64, modulo --parts
# (the parts checked against an independent implementation); a value
# seen twice in one part, in any spelling the programs take as the same
# id; the parts begin with the header; nothing on standard output.
cd "$TMP" || exit
printf 'case_id\tstatus\tnote\n' > in.tsv
for i in 1 2 3 4 5 6 7 8 9 10; do
	printf 'SL%03d\topen\tfirst %s\n' "$i" "$i" >> in.tsv
done
printf ' SL003 \tclosed\tspaces\n' >> in.tsv
printf '\357\274\263\357\274\254003\tclosed\tfull-width\n' >> in.tsv
printf '\tclosed\tempty\n' >> in.tsv
printf '北京\topen\tUTF-8 value\n' >> in.tsv
zhili-cat --partition case_id --parts 3 --prefix part- in.tsv
echo "exit $?"
for f in part-*; do
	echo "== $f"
	cat "$f"
done
