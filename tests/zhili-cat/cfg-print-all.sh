zhili-cat -c data/cfg-bad.yaml --print-config; echo "exit $?"; case-stats -c data/cfg-bad.yaml data/people.tsv
