# An .xls through a pipe, its second sheet by number and by name
zhili-cat --sheet 2 < ../workbooks/cases-sample.xls &&
	cat ../workbooks/cases-sample.xls | zhili-cat --sheet 其他
