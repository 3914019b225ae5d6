# Two columns of one name (or of names for one field, 上报时间 and
# reported_at) are an error naming both (exit 3); unnamed columns may
# repeat.  Upper and lower case are one name.
cd "$TMP" || exit
printf 'id\tname\tID\n1\ta\t2\n' > same.tsv
zhili-cat same.tsv
echo "exit $?"
printf 'case_id,上报时间,reported_at\n1,2025-01-01,2025-01-02\n' > alias.csv
zhili-cat alias.csv
echo "exit $?"
printf 'a,,b,\n1,,2,\n' > blank.csv
zhili-cat blank.csv
echo "exit $?"
# the advice followed: one renamed, one removed
sed '1s/ID$/id2/' same.tsv > renamed.tsv
zhili-cat renamed.tsv
echo "exit $?"
cut -d, -f1,2 alias.csv > removed.csv
zhili-cat removed.csv
echo "exit $?"
