# --zh: the Chinese titles, 合计 for the total row (its month column kept
# with --by month); -o table aligns them; -o json writes the numbers as
# numbers (an empty rate: null); -o csv --bom for Excel.
dual-report --zh --total -o table --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report --zh --report communities --by street --total -o table data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report --zh --report communities --by month --total --month 2025-02 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report -o json --quarter 2025-Q1 data/members.csv data/units.csv data/acts.tsv 2>/dev/null
dual-report -o csv --bom --report members --quarter 2025-Q1 --mask data/members.csv data/units.csv data/acts.tsv 2>/dev/null | head -2
