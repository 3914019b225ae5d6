# --partition's usage errors, each exit 2 with nothing written: a field
# the header does not name (the fields listed), --parts out of range or
# not a number, --parts or --prefix alone, --partition without them, a
# format for people, a part that is one of the inputs (left as it was).
cd "$TMP" || exit
printf 'case_id\tstatus\n1\topen\n' > in.tsv
try() {
	zhili-cat "$@"
	echo "exit $?"
}
try --partition nope --parts 2 --prefix p in.tsv
try --partition case_id --parts 0 --prefix p in.tsv
try --partition case_id --parts 257 --prefix p in.tsv
try --partition case_id --parts 2x --prefix p in.tsv
try --partition case_id --parts -1 --prefix p in.tsv
try --parts 2 in.tsv
try --prefix p in.tsv
try --partition case_id in.tsv
try --partition case_id --parts 2 in.tsv
try --partition case_id --parts 2 --prefix '' in.tsv
try --partition case_id --parts 2 --prefix p -o table in.tsv
try --partition case_id --parts 2 --prefix p -o xlsx in.tsv
cp in.tsv p01.tsv
try --partition case_id --parts 2 --prefix p in.tsv p01.tsv
try --partition case_id --parts 2 --prefix ./p p01.tsv
try --partition case_id --parts 2 --prefix p - < p01.tsv
ls
cat p01.tsv
# the --reject file one of the parts
try --partition case_id --parts 2 --prefix r --reject r00.tsv in.tsv
ls
