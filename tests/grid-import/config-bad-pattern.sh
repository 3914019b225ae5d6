grid-import -c data/badphone.yaml data/b.csv
