# --partition's files: named by the prefix (a folder in it too), two
# digits, three from 101 parts on, the format's extension (-o csv, --bom
# in each; -f picks the fields, the partition field need not be among
# them); an existing part replaced, as split(1) does; a new one readable
# by its owner only; from standard input; a part that cannot be made:
# exit 3 with its name.
cd "$TMP" || exit
printf 'case_id,status\nA1,open\nA2,closed\nA3,open\n' > in.csv
mkdir out
echo old > out/p-00.csv
zhili-cat --partition case_id --parts 2 --prefix out/p- -o csv --bom \
	-f status < in.csv
echo "exit $?"
for f in out/*; do
	echo "== $f"
	od -c "$f" | sed -n 1p
	cat "$f"
done
zhili-cat --partition 案件编号 --parts 101 --prefix many/ in.csv
echo "exit $?"
mkdir many
zhili-cat --partition 案件编号 --parts 101 --prefix many/ -o json in.csv
echo "exit $?"
ls many | sed -n '1p;$p'
ls many | wc -l
cat many/*
ls -l many/000.json | cut -c1-10
# a write that fails (a full disk): exit 3 with the part's name
ln -s /dev/full full-01.tsv
printf 'case_id\tstatus\nA1\topen\n' | zhili-cat --partition case_id \
	--parts 2 --prefix full-
echo "exit $?"
# an empty input: empty parts, as zhili-cat writes nothing for it
zhili-cat --partition nope --parts 2 --prefix empty- < /dev/null
echo "exit $?"
wc -c empty-*
