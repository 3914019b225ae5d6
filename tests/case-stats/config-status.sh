case-stats -c data/words.yaml -m total,closed,on_time data/words.csv; echo "exit $?"; case-stats -m total data/words.csv 2>&1
