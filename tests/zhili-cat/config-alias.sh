zhili-cat -c data/aliases.yaml data/user-alias.csv; echo "exit $?"; zhili-cat -c data/aliases.yaml --zh -o csv data/user-alias.csv
