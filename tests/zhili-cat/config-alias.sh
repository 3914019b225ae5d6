zhili-cat -c data/aliases.yaml data/user-alias.csv; zhili-cat -c data/aliases.yaml --zh -o csv data/user-alias.csv
