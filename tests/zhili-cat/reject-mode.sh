# The --reject file's mode: a file zhili creates is readable by its owner
# only; an existing file keeps its mode, with a warning when others can
# read it (the advice followed: no warning, and the mode stays 600).
cp data/bad.csv "$TMP"
cd "$TMP" || exit
zhili-cat --reject new.csv bad.csv > /dev/null
echo "exit $?"
ls -l new.csv | cut -c1-10
printf 'id,name,note,_error,_raw\n,,,old.csv:2: an old rejection,"1,old"\n' > rej.csv
chmod 640 rej.csv
zhili-cat --reject rej.csv bad.csv > /dev/null
echo "exit $?"
ls -l rej.csv | cut -c1-10
chmod 600 rej.csv
zhili-cat --reject rej.csv bad.csv > /dev/null
echo "exit $?"
ls -l rej.csv | cut -c1-10
# a file nothing is rejected into is not warned of
printf 'a\tb\n1\t2\n' > good.tsv
chmod 644 rej.csv
zhili-cat --reject rej.csv good.tsv > /dev/null
echo "exit $?"
ls -l rej.csv | cut -c1-10
