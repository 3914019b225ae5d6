# a period with no case: the figures of no case, and a word on stderr
# with the dates the input covers
case-stats --month 2030-01 -m total,closed data/d1.csv
case-stats --from 2024-04-02 -b community -m total data/d1.csv
# some rejected: only the others are outside the period
case-stats --year 2023 -m total data/bad.csv
