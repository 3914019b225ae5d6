# The State Taxation Administration's published example of cumulative
# withholding: 30000 a month gross, 4500 employee contributions (15% of a
# 30000 base, data/sta.yaml), 2000 special additional deductions.
#   January:  taxable 30000 - 5000 - 4500 - 2000 = 18500;
#             18500 x 3% - 0 = 555.00, nothing withheld before: 555.00.
#   February: taxable 2 x 18500 = 37000, past 36000: 37000 x 10% - 2520
#             = 1180.00, less 555.00 withheld: 625.00.
#   March:    taxable 3 x 18500 = 55500: 55500 x 10% - 2520 = 3030.00,
#             less 1180.00 withheld: 1850.00.
{ worker-salary -c data/sta.yaml data/sta.tsv; echo "exit $?" >&2; } | cut -f 1,6,13,18-23
