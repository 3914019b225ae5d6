zhili-cat --zh -f 事件编号,status,community data/cases.csv | head -2
