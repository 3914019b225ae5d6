# A GBK CSV (as Excel writes it on Chinese Windows) with a title row
# "案件导出 2024年3月,,,,": converted, the title skipped.
zhili-cat data/title-gbk.csv
