# Amounts on both sides of 2^31 fen (21474836.48, kept apart in the
# slips) up to the most, 100000000.00, and beyond it (L3, rejected); a
# thousands separator and full-width digits.  L1: gross 2000 +
# 21474836.47 + 21474836.48 + 99999999.99 - 1234.50 = 142950438.44,
# contributions on base-max 20000: 4100; taxable 142950438.44 - 5000 -
# 4100 - 123 = 142941215.44, tax at 45% less 181920: 64141626.95
# (64141626.948).  February: 164405451.95 to date, 73800533.38 in all,
# 9658906.43 this month.  L2: 100000000 + 100000000 + 21474836.48 -
# 21474836.49 = 199999999.99.
worker-salary data/large.tsv
