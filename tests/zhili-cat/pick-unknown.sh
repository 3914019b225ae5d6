zhili-cat -f case_id,nosuch data/cases.csv
