# The options offered for "-", "--" and a prefix; after "--", none.
bash ./complete.bash 'zhili-cat -' 'case-stats --' 'grid-import --' \
	'volunteer-points --' 'worker-salary --' 'dual-report --' \
	'zhili-report -' 'case-stats --m' 'dual-report --re' 'zhili-cat -- -'
