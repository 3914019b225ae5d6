# Several files, each with its own title rows (one in a CSV, two in a TSV,
# none in the last): each said once, the records of all read as one
# stream (here the same cases three times: merged).
case-stats -m total,closed --total --by 社区 data/title.csv data/title-d1.tsv data/d1.csv
