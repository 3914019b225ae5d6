# The values of the options that take one of a fixed set; with
# --opt=value (readline splits at '='); comma-separated lists.
bash ./complete.bash 'zhili-cat -o ' 'case-stats --output=j' \
	'grid-import --encoding g' 'case-stats -m ' 'case-stats -m total,res' \
	'case-stats --metrics=total,closed,o' 'case-stats --sort -res' \
	'case-stats --sort h' 'case-stats --classify=' 'grid-import --level ' \
	'volunteer-points --report ' 'volunteer-points --by=p' \
	'worker-salary --by c' 'dual-report --report ' 'dual-report --by ' \
	'dual-report --unit ' 'zhili-report --month '
