# The advice of an unknown status word, followed: with no configuration
# file, the line it gives put in a file given with -c; the next run
# counts the word, and the default words still.
cd "$TMP" || exit
M='-m total,closed,open,returned,cancelled'
cp "$OLDPWD/data/words.csv" "$OLDPWD/data/advice.csv" .
case-stats $M words.csv 2> err; echo "exit $?"; cat err
sed -n 's/.*put this line in a file given with -c: //p' err > z.yaml
cat z.yaml
case-stats -c z.yaml $M words.csv; echo "exit $?"
# Several words: each record's advice, and one line for them all.
case-stats $M advice.csv 2> err; echo "exit $?"; cat err
sed -n 's/.*to count each as said above, put this line in a file given with -c: //p' err > all.yaml
cat all.yaml
case-stats -c all.yaml $M advice.csv; echo "exit $?"
