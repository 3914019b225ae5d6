zhili-cat -f case_id,reported_at,社区 data/cases.csv
