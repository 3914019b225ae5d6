# its own section of the configuration, read
hello -c data/hello.yaml data/names.csv
