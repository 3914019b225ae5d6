#!/bin/sh
# zhili-report: the monthly report of a district's governance records.
#
# zhili-report [--month YYYY-MM] [--out DIR] [--title TEXT] [--no-charts]
#     [--progress | --no-progress] [DATA_DIR]
# zhili-report -h | -V
#
# Runs case-stats, grid-import, volunteer-points, worker-salary and
# dual-report on a data folder (cases/, roster/, volunteers/, workers/,
# dual/ and zhili.yaml, as examples/data has them) and writes the folder
# DIR/zhili-report-YYYY-MM: report.html (one page, inline CSS and SVG),
# report.md, tables/*.csv (UTF-8 with a BOM, for Excel), charts/*.svg
# (gnuplot) and rejects/.  The folder is made under another name and
# renamed when complete; a lock in DIR keeps two runs apart.
# See zhili-report(1).
prog=zhili-report
version=@VERSION@
examples=@EXAMPLES@
# The zhili programs beside this one come first.
case $0 in */*) PATH=$(cd "${0%/*}" && pwd):$PATH ;; esac
export PATH
# Messages in the user's language.  The data are read and written in
# C.UTF-8 whatever the user's locale; the messages (zhili-report's through
# gettext(1), and the programs') follow LANGUAGE, which gettext honours
# under C.UTF-8: the user's, or the language of the user's locale (LC_ALL,
# LC_MESSAGES, LANG) when that locale exists; none under C or POSIX.  The
# catalogue is BIN/../share/locale, as lib/zl.c finds it (the build tree
# and an installed copy alike).
msgloc=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
case $msgloc in
'' | C | POSIX) unset LANGUAGE ;;
C.*) ;;
*)
	[ -n "${LANGUAGE:-}" ] || [ -n "$(LC_ALL=$msgloc locale 2>&1 >/dev/null)" ] ||
		LANGUAGE=${msgloc%%[.@]*}
	;;
esac
[ -z "${LANGUAGE:-}" ] || export LANGUAGE
TEXTDOMAIN=zhili
TEXTDOMAINDIR=$(cd "${0%/*}/../share/locale" 2>/dev/null && pwd) ||
	TEXTDOMAINDIR=@LOCALEDIR@
export TEXTDOMAIN TEXTDOMAINDIR
LC_ALL=C.UTF-8
export LC_ALL
# _ TEXT: TEXT in the user's language (TEXT itself without gettext(1)).
_() {
	if command -v gettext >/dev/null 2>&1; then
		gettext -- "$1"
	else
		printf '%s' "$1"
	fi
}
# msg FORMAT ARG...: a message on stderr, FORMAT translated.
msg() {
	fmt=$(_ "$1")
	shift
	# shellcheck disable=SC2059
	printf "%s: $fmt\n" "$prog" "$@" >&2
}

usage() {
	_ 'usage: zhili-report [--month yyyy-mm] [--out dir] [--title text] [--no-charts]
                    [--progress | --no-progress] [data_dir]
       zhili-report -h | -V
' >&2
	exit 2
}

help() {
	_ "zhili-report: the monthly report of the district's governance records

  zhili-report --month 2025-12 --out /srv/reports /srv/zhili-data
  zhili-report                  # last month, the shipped example data

Runs case-stats, grid-import, volunteer-points, worker-salary and
dual-report on a data folder laid out as the example data is (cases/,
roster/<street>/, volunteers/, workers/, dual/, zhili.yaml) and writes
DIR/zhili-report-YYYY-MM/: report.html, report.md, tables/*.csv for
Excel, charts/*.svg and the rejected records in rejects/.

  --month YYYY-MM   the month (default: last month, China Standard Time)
  --out DIR         where the report folder goes (default: .)
  --title TEXT      the report's title (default: 基层治理月报)
  --no-charts       no charts, even with gnuplot
  --progress        a line per step on stderr (default: when a terminal)
  -h, --help        this help;  -V, --version  the version

Exit status: 0 ok, 1 records rejected (kept in rejects/), 2 usage,
3 a program or the output failed.  See zhili-report(1).
"
	exit 0
}

# die STATUS FORMAT ARG...: msg, then exit.
die() {
	rc=$1
	shift
	msg "$@"
	exit "$rc"
}

month= out=. title=基层治理月报 charts=1 data=
progress=0
[ -t 2 ] && progress=1
while [ $# -gt 0 ]; do
	case $1 in
	--month | --out | --title)
		[ $# -ge 2 ] || die 2 "option '%s' needs an argument" "$1"
		opt=$1 val=$2
		shift 2
		;;
	--month=* | --out=* | --title=*)
		opt=${1%%=*} val=${1#*=}
		shift
		;;
	--no-charts) charts=0 && shift && continue ;;
	--progress) progress=1 && shift && continue ;;
	--no-progress) progress=0 && shift && continue ;;
	-h | --help) help ;;
	-V | --version) echo "zhili-report (zhili) $version" && exit 0 ;;
	--) shift && break ;;
	-?*)
		msg "unknown option '%s'" "$1"
		usage
		;;
	*) break ;;
	esac
	case $opt in
	--month) month=$val ;;
	--out) out=$val ;;
	--title) title=$val ;;
	esac
done
[ $# -le 1 ] || die 2 "one data folder, not %s" "$#"
data=${1:-$examples}
[ -d "$data" ] || die 3 "%s: no such data folder" "$data"

# The month, the one before and the periods of the report.
if [ -z "$month" ]; then
	now=$(date -u -d "@$(($(date +%s) + 8 * 3600))" +%Y-%m)
	y=${now%-*} m=${now#*-}
	m=${m#0}
	if [ "$m" = 1 ]; then month=$((y - 1))-12; else month=$y-$(printf %02d $((m - 1))); fi
fi
case $month in
[12][0-9][0-9][0-9]-0[1-9] | [12][0-9][0-9][0-9]-1[0-2]) ;;
*) die 2 "--month: '%s' is not a month such as 2025-03" "$month" ;;
esac
y=${month%-*} m=${month#*-}
m=${m#0}
if [ "$m" = 1 ]; then prev=$((y - 1))-12; else prev=$y-$(printf %02d $((m - 1))); fi
if [ "$m" = 12 ]; then next=$((y + 1))-01; else next=$y-$(printf %02d $((m + 1))); fi
last=$(date -u -d "$next-01 -1 day" +%F)
ytd="--year $y --to $last"
asof="$next-01 00:00:00"      # the month's cases as they stood at its end
asof_prev="$month-01 00:00:00" # and the month before's at its end
cfg=
[ -f "$data/zhili.yaml" ] && cfg="-c $data/zhili.yaml"
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	made=$(date -u -d "@$((SOURCE_DATE_EPOCH + 8 * 3600))" '+%Y-%m-%d %H:%M')
else
	made=$(date -u -d "@$(($(date +%s) + 8 * 3600))" '+%Y-%m-%d %H:%M')
fi

# The report folder: made as .NAME.tmp.PID, renamed when complete; the
# lock keeps two runs apart (the second waits).
[ ! -e "$out" ] || [ -d "$out" ] || die 3 "--out %s: not a folder" "$out"
mkdir -p "$out" 2>/dev/null || die 3 "--out %s: cannot make the folder" "$out"
name=zhili-report-$month
work=$out/.$name.tmp.$$
exec 9>"$out/.zhili-report.lock" || die 3 "%s: cannot write the lock" "$out"
if ! flock -n 9; then
	msg "another run holds %s; waiting" "$out/.zhili-report.lock"
	flock 9 || die 3 "%s: cannot lock" "$out/.zhili-report.lock"
fi
trap 'rm -rf "$work"' EXIT
trap 'exit 3' INT TERM HUP
rm -rf "$work"
mkdir -p "$work/t" "$work/log" "$work/tables" "$work/charts" "$work/rejects" ||
	die 3 "%s: cannot make the folder" "$work"
GNUPLOT=${GNUPLOT:-gnuplot}
command -v "$GNUPLOT" >/dev/null 2>&1 || charts=0
pflag=--no-progress
status=0
failed=
lastmsg=

# step FORMAT ARG...: msg, with --progress.
step() {
	[ "$progress" = 1 ] && msg "$@"
	return 0
}

# run NAME PROG ARGS: the records in t/NAME.tsv, the messages in
# log/NAME.err; exit status 1 (records rejected) is noted by the caller.
run() {
	n=$1
	shift
	"$@" $pflag >"$work/t/$n.tsv" 2>"$work/log/$n.err"
	rc=$?
	if [ $rc -gt 1 ]; then
		msg=$(tail -n 1 "$work/log/$n.err")
		# a program's failure once, not once a run
		case " $failed " in
		*" $1 "*) [ "$msg" = "$lastmsg" ] || echo "$prog: $n: $msg" >&2 ;;
		*) echo "$prog: $n: $msg" >&2 && failed="${failed:+$failed }$1" ;;
		esac
		lastmsg=$msg
		status=3
		: >"$work/t/$n.tsv"
	fi
	return 0
}

# keep AREA: the rejected records of the area's main run, when any.
keep() {
	if [ -s "$work/rejects/$1.tsv" ]; then
		status=$((status > 1 ? status : 1))
		# the program's summary line, in English or (po/zh_CN.po) Chinese
		msg "%s: %s, kept in %s" "$1" "$(grep -e 'records\? rejected$' \
			-e '条被拒$' "$work/log/$1.err" |
			tail -n 1 | sed 's/^[^:]*: //')" "$out/$name/rejects/$1.tsv"
	else
		rm -f "$work/rejects/$1.tsv"
	fi
}

# files DIR PATTERN...: the data files, or nothing.
files() {
	d=$1
	shift
	for p; do
		for f in "$data/$d"/$p; do [ -f "$f" ] && printf '%s\n' "$f"; done
	done
}

# fig FILE KEY FIELD: the value of FIELD in FILE's row whose first field is
# KEY (empty KEY: the first row); empty when there is none.
fig() {
	awk -F '\t' -v key="$2" -v col="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
		c && (key == "" || $1 == key) { print $c; exit }' "$1" 2>/dev/null
}

# headline NAME MONTH PREV YTD KEY: the headline table of an area from
# the rows "title field kind" on stdin (kind: n a count, p a rate in
# per cent, m money, h hours), from the runs MONTH, PREV and YTD (t/X.tsv)
# at the row KEY; "-" for no run.  Written to t/NAME.tab.
headline() {
	while IFS='	' read -r title field kind; do
		a=$(fig "$work/t/$2.tsv" "$5" "$field")
		b=$( [ "$3" = - ] || fig "$work/t/$3.tsv" "$5" "$field")
		c=$( [ "$4" = - ] || fig "$work/t/$4.tsv" "$5" "$field")
		printf '%s\t%s\t%s\t%s\t%s\n' "$title" "$a" "$b" "$kind" "$c"
	done | awk -F '\t' -v cols="$6" '
		BEGIN { OFS = "\t"; print cols }
		{
			d = ""
			if ($2 != "" && $3 != "") {
				x = $2 - $3
				if ($4 == "n") d = sprintf("%+d", x)
				else if ($4 == "p") d = sprintf("%+.2f 个百分点", x)
				else d = sprintf("%+.2f", x)
				if (d ~ /^[-+]0(\.00)?( |$)/) d = substr(d, 2) # no sign on zero
			}
			if (cols ~ /上月/) print $1, $2, $3, d, $5
			else print $1, $2
		}' >"$work/t/$1.tab"
}

# html_table FILE ID CAPTION: FILE (TSV, the header first) as an HTML table.
html_table() {
	awk -F '\t' -v id="$2" -v cap="$3" '
		function esc(s) {
			gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
			return s
		}
		BEGIN { printf "<table id=\"%s\">\n<caption>%s</caption>\n", id, esc(cap) }
		NR == 1 {
			printf "<thead><tr>"
			for (i = 1; i <= NF; i++) printf "<th>%s</th>", esc($i)
			print "</tr></thead>\n<tbody>"
			next
		}
		{
			printf "<tr%s>", ($1 == "合计" || $2 == "合计") ? " class=\"total\"" : ""
			for (i = 1; i <= NF; i++)
				printf ($i ~ /^[-+]?[0-9][0-9.]*( 个百分点)?$/) ? "<td class=\"n\">%s</td>" : "<td>%s</td>", esc($i)
			print "</tr>"
		}
		END { print "</tbody>\n</table>" }' "$1"
}

h() { printf '%s\n' "$*" >>"$work/report.html"; }
md() { printf '%s\n' "$*" >>"$work/report.md"; }

# section TITLE: a heading in both.
section() {
	h "<h2>$1</h2>"
	md "" "## $1"
}

# note TEXT: a paragraph in both.
note() {
	h "<p class=\"note\">$1</p>"
	md "" "$1"
}

# table FILE ID CAPTION: a table in both, and as tables/ID.csv.
table() {
	[ -s "$1" ] || return 0
	html_table "$1" "$2" "$3" >>"$work/report.html"
	md "" "**$3**" ""
	zhili-cat --zh -o md "$1" >>"$work/report.md" 2>>"$work/log/zhili-cat.err"
	md "" "（表格文件：tables/$2.csv）"
	zhili-cat --zh -o csv --bom "$1" >"$work/tables/$2.csv" 2>>"$work/log/zhili-cat.err"
}

# chart ID CAPTION: charts/ID.svg, inlined in the HTML, linked in the md.
chart() {
	[ -s "$work/charts/$1.svg" ] || return 0
	h "<figure>"
	# its ids (gnuplot gives every chart the same) made the chart's own
	sed -n -e '/<svg/,$p' "$work/charts/$1.svg" |
		sed -e "s/id=\(['\"]\)\([A-Za-z_]\)/id=\1$1-\2/g" \
			-e "s/\(href=['\"]\)#/\1#$1-/g" -e "s/url(#/url(#$1-/g" >>"$work/report.html"
	h "<figcaption>$2</figcaption></figure>"
	md "" "![$2](charts/$1.svg)"
}

# plot ID DATA STYLE WIDTH HEIGHT YMIN YLABEL: a bar chart of DATA (TSV:
# the label, then a column a series, the header naming them) into
# charts/ID.svg; STYLE clustered or rowstacked (upright bars), or
# horizontal (one series, a bar a row, HEIGHT a row); YMIN "*" for
# automatic.
plot() {
	[ "$charts" = 1 ] && [ "$(wc -l <"$2")" -gt 1 ] || return 0
	n=$(head -n 1 "$2" | awk -F '\t' '{ print NF }')
	key="set key outside right top"
	[ "$n" -gt 2 ] || key="unset key"
	rows=$(($(wc -l <"$2") - 1))
	how="plot for [i=2:$n] \"$2\" using i:xtic(1) title columnheader(i)"
	size="$4,$5" style=$3
	if [ "$3" = horizontal ]; then
		size="$4,$(($5 * rows + 60))" style=clustered
		how="set yrange [$rows-0.4:-0.6]; set xrange [0:*]; set xtics norotate; set ytics font \",9\"; set grid xtics; set xlabel \"$7\"; unset ylabel; set border 3; plot \"$2\" skip 1 using 2:0:(0):2:(\$0-0.4):(\$0+0.4):ytic(1) with boxxyerror lt 1 notitle"
	fi
	"$GNUPLOT" >>"$work/log/gnuplot.err" 2>&1 <<GP || msg "gnuplot: %s" "$(tail -n 1 "$work/log/gnuplot.err")"
set terminal svg size $size font "sans-serif,11" background rgb "white"
set output "$work/charts/$1.svg"
set encoding utf8
set datafile separator "\t"
set style data histograms
set style histogram $style
set style fill solid 0.85 border -1
set boxwidth 0.8 relative
set xtics rotate by -45 nomirror font ",10"
set ytics nomirror
set grid ytics lc rgb "#dddddd"
set border 3
set yrange [$6:*]
set ylabel "$7"
$key
set linetype 1 lc rgb "#c0392b"
set linetype 2 lc rgb "#2e86c1"
set linetype 3 lc rgb "#f39c12"
set linetype 4 lc rgb "#27ae60"
set linetype 5 lc rgb "#8e44ad"
set linetype 6 lc rgb "#16a085"
set linetype 7 lc rgb "#d35400"
set linetype 8 lc rgb "#7f8c8d"
set linetype 9 lc rgb "#2c3e50"
set linetype 10 lc rgb "#e84393"
set linetype 11 lc rgb "#a3cb38"
set linetype 12 lc rgb "#6c5ce7"
set linetype cycle 12
$how
GP
}

# From here on, lists of files are split at newlines only.
IFS='
'
c=
[ -n "$cfg" ] && c="-c
$data/zhili.yaml"
ym=$(echo "$month" | sed 's/^\(....\)-0*\(.*\)$/\1年\2月/')
pm=$(echo "$prev" | sed 's/^\(....\)-0*\(.*\)$/\1年\2月/')
cols="指标	本月 ($ym)	上月 ($pm)	环比	本年累计 (1–$m月)"
: >"$work/report.md"
: >"$work/report.html"
rejected_areas=

# --- 1. Cases (case-stats) ---
cases=$(files cases '*.csv' '*.tsv' '*.xlsx' '*.xls')
if [ -n "$cases" ]; then
	step "cases: %s files" "$(echo "$cases" | wc -l)"
	cm=total,closed,resolution_pct,on_time_pct,overdue_open,hours_median,satisfaction_pct
	run cases case-stats $c --as-of "$asof" -m $cm --reject "$work/rejects/cases.tsv" --year "$y" --to "$last" $cases
	keep cases
	run cases-month case-stats $c --as-of "$asof" -m $cm --month "$month" $cases
	run cases-prev case-stats $c --as-of "$asof_prev" -m $cm --month "$prev" $cases
	run cases-comm case-stats $c --as-of "$asof" -m $cm -b community --total --year "$y" --to "$last" $cases
	run cases-comm-zh case-stats $c --as-of "$asof" -m $cm -b community --total --sort -total --zh --year "$y" --to "$last" $cases
	run cases-cat case-stats $c --as-of "$asof" --classify -m total -b month,category --year "$y" --to "$last" $cases
fi

# --- 2. The grid organisation (grid-import) ---
roster=$(files roster '*/*.csv' '*/*.tsv' '*/*.xlsx' '*/*.xls')
if [ -n "$roster" ]; then
	step "roster: %s files" "$(echo "$roster" | wc -l)"
	run roster grid-import $c --summary --total --reject "$work/rejects/roster.tsv" $roster
	keep roster
	run roster-zh grid-import $c --summary --total --zh $roster
fi

# --- 3. Volunteers (volunteer-points) ---
vol=$(files volunteers '*.csv' '*.tsv' '*.xlsx' '*.xls')
if [ -n "$vol" ]; then
	step "volunteers: %s files" "$(echo "$vol" | wc -l)"
	run volunteers volunteer-points $c --report teams --total --reject "$work/rejects/volunteers.tsv" --year "$y" --to "$last" $vol
	keep volunteers
	run vol-month volunteer-points $c --report teams --total --month "$month" $vol
	run vol-prev volunteer-points $c --report teams --total --month "$prev" $vol
	run vol-zh volunteer-points $c --report teams --total --zh --year "$y" --to "$last" $vol
fi

# --- 4. Community workers' pay (worker-salary) ---
wk=$(files workers '*.csv' '*.tsv' '*.xlsx' '*.xls')
if [ -n "$wk" ]; then
	step "workers: %s files" "$(echo "$wk" | wc -l)"
	run workers worker-salary $c --summary --total --reject "$work/rejects/workers.tsv" --year "$y" --to "$last" $wk
	keep workers
	run wk-month worker-salary $c --summary --total --month "$month" $wk
	run wk-prev worker-salary $c --summary --total --month "$prev" $wk
	run wk-post worker-salary $c --summary --by post --month "$month" $wk
	run wk-comm worker-salary $c --summary --by community --month "$month" $wk
	run wk-zh worker-salary $c --summary --by community --total --zh --month "$month" $wk
fi

# --- 5. Dual reporting (dual-report) ---
dual=$(files dual '*.csv' '*.tsv' '*.xlsx' '*.xls')
if [ -n "$dual" ]; then
	step "dual reporting: %s files" "$(echo "$dual" | wc -l)"
	run dual dual-report $c --report units --total --reject "$work/rejects/dual.tsv" --year "$y" --to "$last" $dual
	keep dual
	run dual-month dual-report $c --report units --total --month "$month" $dual
	run dual-prev dual-report $c --report units --total --month "$prev" $dual
	run dual-comm dual-report $c --report communities --year "$y" --to "$last" $dual
	run dual-zh dual-report $c --report communities --total --zh --year "$y" --to "$last" $dual
fi

# The overview: a row per community with a few figures of each area
# (the communities of the roster, then those only the other data names).
overview() {
	for f in cases-comm roster volunteers wk-comm dual-comm; do
		[ -s "$work/t/$f.tsv" ] || : >"$work/t/$f.tsv"
	done
	awk -F '\t' -v OFS='\t' '
		FNR == 1 { file = FILENAME; sub(/.*\//, "", file); delete col; for (i = 1; i <= NF; i++) col[$i] = i; next }
		function v(name) { return (name in col) ? $col[name] : "" }
		function add(c) { if (!(c in seen)) { seen[c] = 1; order[++n] = c } }
		file == "cases-comm.tsv" && v("community") != "" {
			c = v("community"); add(c)
			ct[c] = v("total"); cr[c] = v("resolution_pct"); cs[c] = v("satisfaction_pct")
		}
		file == "roster.tsv" && v("community") != "" {
			c = v("community"); add(c); st[c] = v("street")
			gr[c] = v("grids"); lo[c] = v("offline_leaders"); ln[c] = v("online_leaders")
		}
		file == "volunteers.tsv" && v("team") != "total" { team[v("team")] = v("hours") }
		file == "wk-comm.tsv" && v("community") != "" && v("community") != "total" {
			c = v("community"); add(c); wh[c] = v("headcount"); wg[c] = v("gross_mean")
		}
		file == "dual-comm.tsv" && v("community") != "" && v("community") != "total" {
			c = v("community"); add(c); dr[c] = v("registered"); ds[c] = v("solved")
		}
		END {
			print "街道", "社区", "事件数", "办结率(%)", "满意率(%)", "网格数", \
			    "线下楼长", "网络楼长", "志愿服务时长", "社区工作者", \
			    "人均应发", "报到党员", "解决问题数"
			for (t in team)
				for (i = 1; i <= n; i++)
					if (index(t, order[i]) == 1) { vh[order[i]] += team[t]; has[order[i]] = 1 }
			for (i = 1; i <= n; i++) {
				c = order[i]
				if (c == "total") continue
				print st[c], c, ct[c], cr[c], cs[c], gr[c], lo[c], ln[c], \
				    (c in has) ? sprintf("%.2f", vh[c]) : "", wh[c], wg[c], dr[c], ds[c]
			}
		}' "$work/t/roster.tsv" "$work/t/cases-comm.tsv" "$work/t/volunteers.tsv" \
		"$work/t/wk-comm.tsv" "$work/t/dual-comm.tsv" >"$work/t/overview.tab"
}

# --- The figures, the charts and the tables ---
step "writing the report"
if [ -n "$cases" ]; then
	headline cases-h cases-month cases-prev cases "" "$cols" <<'T'
受理事件	total	n
已办结	closed	n
办结率(%)	resolution_pct	p
按期办结率(%)	on_time_pct	p
超期未办结	overdue_open	n
办结时长中位数(小时)	hours_median	h
满意率(%)	satisfaction_pct	p
T
	awk -F '\t' -v OFS='\t' 'NR == 1 { print "社区", "办结率(%)"; next }
		$1 != "total" && $6 != "" { print $1, $4 }' "$work/t/cases-comm.tsv" >"$work/t/chart-res.tab"
	lo=$(awk -F '\t' 'NR > 1 && ($2 < m || m == "") { m = $2 } END { print (m == "" ? "*" : int(m) - 1) }' "$work/t/chart-res.tab")
	plot resolution "$work/t/chart-res.tab" clustered 720 360 "$lo" "办结率(%)"
	awk -F '\t' -v OFS='\t' '
		NR == 1 { next }
		{ mo = $1; sub(/^[0-9]+-0?/, "", mo); mo = mo "月"
		  if (!(mo in seen)) { seen[mo] = 1; ms[++nm] = mo }
		  if (!($2 in cs)) { cs[$2] = 1; cat[++nc] = $2 }
		  v[mo, $2] = $3 }
		END {
			printf "月份"; for (j = 1; j <= nc; j++) printf "\t%s", cat[j]; print ""
			for (i = 1; i <= nm; i++) {
				printf "%s", ms[i]
				for (j = 1; j <= nc; j++) printf "\t%d", v[ms[i], cat[j]]
				print ""
			}
		}' "$work/t/cases-cat.tsv" >"$work/t/chart-cat.tab"
	plot categories "$work/t/chart-cat.tab" rowstacked 720 400 0 "事件数"
fi
if [ -n "$roster" ]; then
	headline roster-h roster - - total "指标	数量" <<'T'
网格	grids	n
网格党支部	grid_party_branches	n
小区	compounds	n
楼栋	buildings	n
楼栋党小组	building_party_groups	n
党员中心户	party_households	n
线下楼长	offline_leaders	n
网络楼长	online_leaders	n
业主委员会	owners_committees	n
"四有"网格达标率(%)	four_haves_pct	p
T
fi
if [ -n "$vol" ]; then
	headline vol-h vol-month vol-prev volunteers total "$cols" <<'T'
注册志愿者	volunteers	n
参与服务的志愿者	active	n
服务次数	services	n
服务时长(小时)	hours	h
获得积分	earned	h
T
	teams=$(awk -F '\t' 'NR > 1 && $1 != "total" { n++ } END { print n + 0 }' "$work/t/volunteers.tsv")
	awk -F '\t' -v OFS='\t' 'NR == 1 { print "志愿服务队", "服务时长(小时)"; next }
		$1 != "total" { n = $1; sub(/志愿服务队$/, "", n); print n, $4 }' "$work/t/volunteers.tsv" |
		sort -t '	' -k 2,2nr >"$work/t/chart-vol.tab"
	plot volunteer-hours "$work/t/chart-vol.tab" horizontal 720 14 0 "服务时长(小时)"
fi
if [ -n "$wk" ]; then
	headline wk-h wk-month wk-prev workers total "$cols" <<'T'
社区工作者(人)	headcount	n
应发工资总额(元)	gross_total	m
人均应发(元)	gross_mean	m
人均实发(元)	net_mean	m
单位用工成本(元)	employer_cost	m
T
	awk -F '\t' -v OFS='\t' 'NR == 1 { print "岗位", "人均应发(元)", "人均实发(元)"; next }
		{ print $1, $4, $5 }' "$work/t/wk-post.tsv" >"$work/t/chart-pay.tab"
	plot pay "$work/t/chart-pay.tab" clustered 560 320 0 "元"
fi
if [ -n "$dual" ]; then
	headline dual-h dual-month dual-prev dual total "$cols" <<'T'
在册党员	members	n
已报到	registered	n
报到率(%)	registration_pct	p
参与服务(达到最低要求)	active	n
参与率(%)	participation_pct	p
服务活动	activities	n
服务时长(小时)	hours	h
解决问题	solved	n
T
fi
overview

# --- The documents ---
h '<!DOCTYPE html>'
h '<html lang="zh-CN">'
h "<head><meta charset=\"utf-8\"/><title>$title $ym</title>"
cat >>"$work/report.html" <<'CSS'
<style>
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10.5pt; color: #222; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 2mm; color: #a61b1b; }
h2 { font-size: 13pt; border-left: 4px solid #a61b1b; padding-left: 2mm; margin: 7mm 0 3mm; break-after: avoid; }
p.meta { text-align: center; color: #666; margin: 0 0 5mm; }
p.note { color: #555; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; break-inside: auto; }
caption { font-weight: bold; text-align: left; padding: 1mm 0; }
th, td { border: 1px solid #bbb; padding: 0.8mm 1.2mm; }
td { white-space: nowrap; }
th { background: #f3e5e5; font-weight: bold; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; background: #fafafa; }
tr { break-inside: avoid; }
figure { margin: 3mm 0; break-inside: avoid; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #555; }
</style>
CSS
h '</head>'
h '<body>'
h "<h1>$title</h1>"
h "<p class=\"meta\">$ym · 数据截至 $last · 生成于 $made</p>"
md "# $title" "" "$ym · 数据截至 $last · 生成于 $made"
i=0
# num: the next section's number, in nth.
num() {
	i=$((i + 1))
	nth=$(echo 一 二 三 四 五 六 七 八 | cut -d ' ' -f $i)
}
if [ -n "$cases" ]; then
	num
	section "$nth、事件办理（网格化服务平台）"
	note "本月：$ym 上报的事件在月末（$last 24时）的办理情况；本年累计：$y 年 1 月 1 日至 $last 上报的事件。办结率 = 已办结 ÷ 受理事件；按期办结率 = 按期办结 ÷ 有办理时限的已办结事件。"
	table "$work/t/cases-h.tab" cases 事件办理主要指标
	chart resolution "各社区办结率（本年累计）"
	chart categories "每月事件数（按事件类型）"
	table "$work/t/cases-comm-zh.tsv" cases-community "各社区事件办理（本年累计）"
fi
if [ -n "$roster" ]; then
	num
	section "$nth、网格化组织"
	note "来自各社区的网格名册（roster/）；名册不带日期，不作环比。"
	table "$work/t/roster-h.tab" roster 网格化组织主要指标
	table "$work/t/roster-zh.tsv" roster-community "各社区网格化组织"
fi
if [ -n "$vol" ]; then
	num
	section "$nth、志愿服务"
	note "志愿服务队 $teams 支。服务时长与积分只计审核通过的服务，每日每人至多计 8 小时（volunteer-points(1)）。"
	table "$work/t/vol-h.tab" volunteers 志愿服务主要指标
	chart volunteer-hours "各志愿服务队服务时长（本年累计）"
	table "$work/t/vol-zh.tsv" volunteers-teams "各志愿服务队（本年累计）"
fi
if [ -n "$wk" ]; then
	num
	section "$nth、社区工作者薪酬"
	note "三岗六十级；人均应发、人均实发按每人每月的工资单平均；单位用工成本含单位缴纳的五险一金。本年累计的人数为本年有工资单的人数。"
	table "$work/t/wk-h.tab" workers 社区工作者薪酬主要指标
	chart pay "各岗位人均应发与实发（$ym）"
	table "$work/t/wk-zh.tsv" workers-community "各社区社区工作者薪酬（$ym）"
fi
if [ -n "$dual" ]; then
	num
	section "$nth、在职党员双报到"
	note "报到率 = 已报到 ÷ 在册党员；参与率 = 达到最低服务要求的党员 ÷ 已报到（每季度 2 次，按期间折算）。"
	table "$work/t/dual-h.tab" dual 双报到主要指标
	table "$work/t/dual-zh.tsv" dual-community "各社区报到党员服务情况（本年累计）"
fi
num
section "$nth、各社区概览"
note "事件、志愿服务、双报到为本年累计，社区工作者为 $ym，网格为名册现状。"
table "$work/t/overview.tab" overview 各社区概览
num
section "$nth、数据质量"
: >"$work/t/quality.tab"
printf '领域\t数据文件\t被拒记录\t被拒记录文件\n' >>"$work/t/quality.tab"
for a in cases:事件:"$cases" roster:网格名册:"$roster" volunteers:志愿服务:"$vol" workers:社区工作者:"$wk" dual:双报到:"$dual"; do
	k=${a%%:*} rest=${a#*:}
	label=${rest%%:*} list=${rest#*:}
	nf=0
	[ -n "$list" ] && nf=$(printf '%s\n' "$list" | wc -l)
	nr=0 rf=
	if [ -s "$work/rejects/$k.tsv" ]; then
		# the summary line in English or (po/zh_CN.po) Chinese
		nr=$(sed -n -e 's/^[^:]*: \([0-9][0-9]*\) of [0-9]* records\{0,1\} rejected$/\1/p' \
			-e 's/^[^:]*: [0-9]* 条记录中有 \([0-9][0-9]*\) 条被拒$/\1/p' \
			"$work/log/$k.err" | tail -n 1)
		rf=rejects/$k.tsv
	fi
	printf '%s\t%s\t%s\t%s\n' "$label" "$nf" "$nr" "$rf" >>"$work/t/quality.tab"
done
table "$work/t/quality.tab" quality "读入的数据与被拒记录"
if [ "$charts" = 0 ]; then
	note "本报告没有图表：未找到 gnuplot（Debian 软件包 gnuplot-nox），或用了 --no-charts。"
	command -v "$GNUPLOT" >/dev/null 2>&1 ||
		msg "%s not found: the report has no charts (apt-get install gnuplot-nox)" "$GNUPLOT"
fi
[ -z "$failed" ] || note "未能完成：$failed 出错退出，相关数字缺失（消息见 log/）。"
note "被拒记录：格式或内容有误、未计入上述数字的记录，每条附原因（_error），请核对原始数据后重新导出。"
h '</body>'
h '</html>'

# --- Done: the folder under its name ---
rm -rf "$work/t"
rmdir "$work/rejects" "$work/charts" 2>/dev/null
if [ -e "$out/$name" ]; then
	mv "$out/$name" "$out/.$name.old.$$" || die 3 "%s: cannot replace" "$out/$name"
fi
mv "$work" "$out/$name" || die 3 "%s: cannot rename the report" "$out/$name"
rm -rf "$out/.$name.old.$$"
trap - EXIT
msg "%s" "$out/$name/report.html"
exit $status
