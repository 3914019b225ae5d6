grid-import --check data/dup-posts.csv
