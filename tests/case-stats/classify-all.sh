case-stats --classify=all -b 事件类型 -m total data/d1.csv
