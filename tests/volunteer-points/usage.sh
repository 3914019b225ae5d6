# Options given to a report they do not apply to, and bad arguments: exit
# 2, nothing on standard output.
vp() {
	volunteer-points --as-of 2025-12-31 "$@" data/town-s.csv
	echo "exit $?"
}
vp --top 3
vp --by points
vp --report teams --top 3
vp --month 2025-02
vp --report stars --year 2025
vp --volunteer A1
vp --report rank --total
vp --report ledger --total
vp --report rank --by days
vp --report rank --top 0
vp --report rank --top x
vp --report points
