zhili-cat -c data/cfg-over.yaml --print-config; echo "exit $?"; zhili-cat -c data/cfg-over.yaml data/people.tsv
