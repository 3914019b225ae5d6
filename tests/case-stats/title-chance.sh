# A title row that names a field by chance (状态, status) but not the
# others case-stats needs (case_id, reported_at): still a title row.
case-stats --as-of "2024-04-02 00:00:00" -m total,closed,open data/title-chance.csv
