# nothing at all, grouped: the header, no row (the fields are not missing:
# there is no header to miss them)
case-stats -b community,month -m total,closed /dev/null
