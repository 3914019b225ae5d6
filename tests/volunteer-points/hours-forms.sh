# Hours as most records write them (one or two digits, at most two
# decimals: read without hours_parse) and as few do, each volunteer one
# record, with hours-unit 0.01 and no daily cap (the hours as written):
# 8, 1.5 (1.50), 12.25, 01 (1.00), 24 and 24.00 (the most: 24.00), .5
# (0.50), 8. (8.00), 1.50, 9.99, 0.01, 00.5 (0.50); points 10 an hour.
# Rejected: 123 (more than 24), 0.00 (not more than 0), 1..5 and . (not
# numbers).
volunteer-points -c data/unit001.yaml --as-of 2025-12-31 --max-rejected 100% --total data/hours-forms.tsv
