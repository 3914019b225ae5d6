# --by street: the communities' figures summed per street.  西地社区's
# street is 双峰寺街道 (M01's row, the first naming both), 冯营子社区's
# 冯营子街道 (M05's); 元宝山社区 is named with no street anywhere: its
# figures are under the empty street, said once on stderr.  Rows in byte
# order, the empty street first.
dual-report --report communities --by street --total data/members.csv data/units.csv data/acts.tsv
# A community's street is the first row's naming both in the order of
# the command line, whatever the kind of file: the activity's 西街道 when
# its file comes first, the member's 东街道 when the members file does.
dual-report --report communities --by street data/street-a.csv data/street-m.csv
dual-report --report communities --by street data/street-m.csv data/street-a.csv
