# Inputs of two formats and column orders: the --reject file is one valid
# file, in the format of the first rejected record's input, with one
# header (the stream's fields, _error, _raw).  Records of the other
# layout are put in its columns; records that cannot be split keep their
# bytes in _raw.  It reads back with nothing rejected, one record each.
cd "$TMP" || exit
printf 'id,name,note\n1,a,ok\n2,"b,c",x,y\n3,"d""e",z\n4,"open\n' > a.csv
printf 'note\tid\tname\nn1\t5\tf\nn2\t6\n\\q\t7\tg\\th\nn4\t8\ti\n' > b.tsv
zhili-cat --reject rej.csv a.csv b.tsv > out.tsv
echo "exit $?"
cat out.tsv
echo "== the reject file"
cat rej.csv
echo "== read back"
zhili-cat rej.csv
echo "exit $?"
echo "== the other way round: a TSV reject file"
zhili-cat --reject rej.tsv b.tsv a.csv > /dev/null 2>&1
echo "exit $?"
cat rej.tsv
zhili-cat rej.tsv | wc -l
