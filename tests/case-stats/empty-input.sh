# nothing at all: a word on stderr, and the figures of no case
case-stats -m total,closed,resolution_pct
