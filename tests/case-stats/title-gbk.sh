# A GBK export with a title row ("案件导出,,,,", as Excel writes it).
case-stats --as-of "2024-04-02 00:00:00" -m total,closed,open data/title-gbk.csv
