# the state --records writes, in Chinese under --zh (zhili(7))
case-stats --zh --classify --records data/d1.csv | cut -f 1,4,12-15
