# An .xls without the sheet asked for: its sheets listed, exit 3
zhili-cat --sheet 3 ../workbooks/cases-sample.xls
