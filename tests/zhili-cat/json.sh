zhili-cat -o json data/people.tsv data/cases.csv 2>&1; echo "exit $?"
