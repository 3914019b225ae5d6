#!/bin/sh
# layers.sh BUILD: check that lib/'s modules call one another in the order
# lib/README gives (a module only calls modules listed before it).
# Reads the undefined and defined symbols of BUILD/lib/*.o with nm; the
# module of lib/NAME.o and lib/NAME_*.o is NAME.  Prints one line per
# wrong call and exits 1, or prints nothing and exits 0.
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
order=$(sed -n '/^    [a-z][a-z0-9]*  /s/^    \([a-z0-9]*\) .*/\1/p' "$top/lib/README")
[ -n "$order" ] || { echo "layers.sh: no module list in lib/README"; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for src in "$top"/lib/*.c "$build/lib/cfg_default.c"; do
	m=$(basename "$src" .c)
	o=$build/lib/$m.o
	[ -f "$o" ] || { echo "layers.sh: no $o (build first)"; exit 2; }
	m=${m%%_*}
	nm "$o" | awk -v m="$m" '$1 == "U" { print "U", m, $2 } NF == 3 && $2 ~ /^[TDRBC]$/ { print "D", m, $3 }'
done | awk -v order="$order" '
BEGIN { n = split(order, o, /[ \n]+/); for (i = 1; i <= n; i++) rank[o[i]] = i }
$1 == "D" { def[$3] = $2; next }
{ use[NR] = $2 " " $3 }
END {
	bad = 0
	for (k in use) {
		split(use[k], u, " ")
		d = def[u[2]]
		if (d == "" || d == u[1])
			continue
		if (!(u[1] in rank) || !(d in rank)) {
			printf "%s calls %s (%s): a module lib/README does not list\n", u[1], d, u[2]
			bad = 1
		} else if (rank[d] >= rank[u[1]]) {
			printf "%s calls %s (%s): lib/README lists %s after %s\n", u[1], d, u[2], d, u[1]
			bad = 1
		}
	}
	exit bad
}' >"$out"
rc=$?
sort "$out"
exit $rc
