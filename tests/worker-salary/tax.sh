# Tax across a bracket boundary and across months, roster and items in
# one file.  T1: base 20000, contributions 20.5% of 20000 = 4100.
#   Jan: gross 50000 (30000 performance): taxable 50000 - 5000 - 4100 =
#        40900, past 36000: 40900 x 10% - 2520 = 1570.00.
#   Feb: 40900 + 20000 - 5000 - 4100 = 51800: 5180 - 2520 = 2660, less
#        1570: 1090.00.
#   Mar: 30000 of special additional deductions: 51800 + 10900 - 30000 =
#        32700, back under 36000: 981.00, less 2660 withheld is negative:
#        nothing withheld (0.00), tax_ytd stays 2660.00.
#   Apr: 43600: 4360 - 2520 = 1840, still less than 2660: 0.00.
#   May: 54500: 5450 - 2520 = 2930, less 2660: 270.00.
# T2 正职 at level 21 (3000) + 500: 3500 gross, contributions 820 (on
# base-min 4000): January 3500 - 5000 - 820 = -2320 (written as it is,
# so the next month can go on from it); no February: March adds the two
# months since January, -2320 + 3500 - 2 x 5000 - 820 = -9640.
{ worker-salary data/tax.tsv; echo "exit $?" >&2; } | cut -f 1,6,13,18-23
