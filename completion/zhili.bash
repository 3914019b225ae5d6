# bash completion for the zhili programs: zhili-cat, case-stats,
# grid-import, volunteer-points, worker-salary, dual-report, zhili-report.
#
# Installed as share/bash-completion/completions/NAME for each program
# (bash-completion loads it when NAME is first completed), or sourced
# from ~/.bashrc.  It completes the options; the values of those that
# take one of a fixed set (-o, --encoding, --report, --level, --by,
# -m, --sort, --classify=); field names, from the header of the input
# named on the line (read with zhili-cat) or else the fields the program
# knows; --sheet, from the sheets of the workbook named on the line;
# configuration files (*.yaml) for -c and --compare; file names for the
# inputs, and folders for zhili-report's.
#
# The lists are the programs' own: tests/completion checks them against
# each program's --help, usage, man page, messages and cmd/*/fields.c.

_zhili_shared_opts='-c --config -o --output --csv --tsv --encoding --sheet
	--bom --zh --reject --strict --verbose --max-rejected --progress
	--no-progress --print-config -h --help -V --version'
_zhili_date_opts='--from --to --month --quarter --year'
_zhili_formats='tsv csv json table md xlsx'
_zhili_encodings='utf-8 gbk gb18030 auto'

# case-stats: its fields (cmd/case-stats/fields.c), the ones derived
# from reported_at, its metrics.
_zhili_case_fields='case_id reported_at closed_at status category
	description street community grid_id channel satisfaction deadline
	updated_at'
_zhili_case_derived='month week weekday hour'
_zhili_case_metrics='total closed open returned cancelled resolution_pct
	on_time closed_late with_deadline on_time_pct overdue_open hours_mean
	hours_median hours_p90 hours_max rated satisfied satisfaction_pct'

# Every field a program knows (cmd/*/fields.c): zhili-cat knows them all.
_zhili_all_fields="$_zhili_case_fields
	member_id member_name unit registered_at listed_at phone projects
	date activity hours solved month members registered registration_pct
	overdue active participation_pct activities early units
	meets_minimum grid_name grid_leader grid_leader_phone grid_party_org
	compound building building_party_group offline_leader
	offline_leader_phone online_leader online_leader_phone
	party_household households residents owners_committee
	property_company has_staff has_rules has_funding has_incentives
	id_number level code name parent path leader leader_phone party_org
	grids grid_party_branches compounds buildings building_party_groups
	party_households offline_leaders online_leaders owners_committees
	four_haves four_haves_pct file line problem value volunteer_id
	volunteer_name team project kind verified points item earned
	redeemed expired balance star unverified_hours event what change
	volunteers services rank stars_0 stars_1 stars_2 stars_3 stars_4
	stars_5 worker_id worker_name post pay_level hired_at education
	certificate certified_at years_passed base_pay contribution_base
	performance overtime other_pay deduction absence_days
	special_additional_deduction allowance gross pension medical
	unemployment housing_fund contributions taxable_ytd tax_ytd tax net
	employer_pension employer_medical employer_unemployment
	employer_work_injury employer_housing_fund employer_cost headcount
	gross_total gross_mean net_mean months gross_old gross_new ratio
	gross_old_mean gross_new_mean"

# The options of program $1, one a word.
_zhili_opts()
{
	case $1 in
	zhili-cat)
		echo "$_zhili_shared_opts -f --fields --partition --parts
			--prefix"
		;;
	case-stats)
		echo "$_zhili_shared_opts $_zhili_date_opts -b --by -m --metrics
			--total --sort --top --as-of --classify --records
			--partial --exact --merge --no-dedupe -j --jobs"
		;;
	grid-import)
		echo "$_zhili_shared_opts --level --summary --total --check
			--mask -j --jobs"
		;;
	volunteer-points)
		echo "$_zhili_shared_opts $_zhili_date_opts --report --as-of
			--volunteer --top --by --total -j --jobs"
		;;
	worker-salary)
		echo "$_zhili_shared_opts $_zhili_date_opts --ytd --compare
			--summary --by --total -j --jobs"
		;;
	dual-report)
		echo "$_zhili_shared_opts $_zhili_date_opts --report --by
			--total --unit --mask -j --jobs"
		;;
	zhili-report)
		echo "--month --out --title --no-charts --progress
			--no-progress -h --help -V --version"
		;;
	esac
}

# What the argument of option $2 of program $1 is: a kind, "none" (an
# argument with nothing to offer) or nothing (the option takes none).
_zhili_kind()
{
	case $1:$2 in
	zhili-report:--out) echo dir ;;
	zhili-report:--month | zhili-report:--title) echo none ;;
	zhili-report:*) ;;
	*:-c | *:--config | worker-salary:--compare) echo yaml ;;
	*:-o | *:--output) echo "words $_zhili_formats" ;;
	*:--encoding) echo "words $_zhili_encodings" ;;
	*:--reject | worker-salary:--ytd | zhili-cat:--prefix) echo file ;;
	*:--sheet) echo sheet ;;
	zhili-cat:-f | zhili-cat:--fields) echo "list fields" ;;
	zhili-cat:--partition) echo field ;;
	case-stats:-b | case-stats:--by) echo "list fields" ;;
	case-stats:-m | case-stats:--metrics)
		echo "list $_zhili_case_metrics"
		;;
	case-stats:--sort) echo sort ;;
	grid-import:--level)
		echo "words street community grid compound building household"
		;;
	volunteer-points:--report)
		echo "words balance ledger teams rank stars"
		;;
	volunteer-points:--by) echo "words hours points" ;;
	worker-salary:--by) echo "words community post community,post" ;;
	dual-report:--report) echo "words units communities members" ;;
	dual-report:--by) echo "words street month" ;;
	*:--max-rejected | *:--from | *:--to | *:--month | *:--quarter | \
	    *:--year | *:--as-of | *:--top | *:--volunteer | *:--unit | \
	    zhili-cat:--parts | *:-j | *:--jobs)
		echo none
		;;
	esac
}

# The operands on the line (the words that are neither options nor their
# arguments) into _zhili_ops; -c's and --sheet's arguments into
# _zhili_cfg and _zhili_sheet.
_zhili_operands()
{
	local prog=$1 i w opt val end=0
	_zhili_ops=() _zhili_cfg='' _zhili_sheet=''
	for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
		[[ $i == "$COMP_CWORD" ]] && continue
		w=${COMP_WORDS[i]}
		if ((end)) || [[ $w != -* || $w == - ]]; then
			_zhili_ops+=("$w")
			continue
		fi
		[[ $w == -- ]] && end=1 && continue
		if [[ $w == --*=* ]]; then
			opt=${w%%=*} val=${w#*=}
		elif [[ ${COMP_WORDS[i + 1]} == = ]]; then
			opt=$w val=${COMP_WORDS[i + 2]}
			((i += 2))
		elif [[ -n $(_zhili_kind "$prog" "$w") ]]; then
			opt=$w val=${COMP_WORDS[i + 1]}
			((i++))
		else
			continue
		fi
		case $opt in
		-c | --config) _zhili_cfg=$val ;;
		--sheet) _zhili_sheet=$val ;;
		esac
	done
}

# The fields of the header of the first input named on the line, as
# zhili-cat reads it (aliases under their canonical names); nothing when
# there is none or zhili-cat is not there.
_zhili_header()
{
	local f hdr
	local -a args=()
	command -v zhili-cat >/dev/null 2>&1 || return
	_zhili_operands "$1"
	[[ -n $_zhili_cfg ]] && args+=(-c "${_zhili_cfg/#\~/$HOME}")
	[[ -n $_zhili_sheet ]] && args+=(--sheet "$_zhili_sheet")
	for f in "${_zhili_ops[@]}"; do
		f=${f/#\~/$HOME}
		[[ -f $f && -r $f ]] || continue
		hdr=$(zhili-cat "${args[@]}" -- "$f" 2>/dev/null | head -n 1)
		printf '%s\n' "${hdr//$'\t'/ }"
		return
	done
}

# The sheets of the first workbook named on the line, one a line, from
# the message zhili-cat gives (untranslated) for a sheet the workbook
# does not have.
_zhili_sheets()
{
	local f msg rest name
	command -v zhili-cat >/dev/null 2>&1 || return
	_zhili_operands "$1"
	for f in "${_zhili_ops[@]}"; do
		f=${f/#\~/$HOME}
		[[ -f $f && -r $f ]] || continue
		case ${f,,} in *.xlsx | *.xlsm | *.xls) ;; *) continue ;; esac
		msg=$(LC_ALL=C.UTF-8 LANGUAGE='' \
		    zhili-cat --sheet $'\001' -- "$f" 2>&1 >/dev/null)
		[[ $msg == *"sheets by number and name: "* ]] || continue
		rest=${msg#*sheets by number and name: }
		while [[ $rest =~ ^[0-9]+\ \'(.*)$ ]]; do
			rest=${BASH_REMATCH[1]}
			name=${rest%%\', [0-9]*}
			if [[ $name == "$rest" ]]; then
				printf '%s\n' "${name%\'}"
				break
			fi
			printf '%s\n' "$name"
			rest=${rest#"$name"\', }
		done
		return
	done
}

# COMPREPLY: the words of $2 that start with $1, each after prefix $3;
# with $4, not those in the comma-separated list $4.  No compgen -W: it
# would expand what a file's header holds.
_zhili_words()
{
	local w
	local -a ws
	read -r -d '' -a ws <<<"$2"
	for w in "${ws[@]}"; do
		[[ $w == "$1"* && ,$4, != *",$w,"* ]] && COMPREPLY+=("$3$w")
	done
	return 0
}

# COMPREPLY: the lines of standard input added.
_zhili_add()
{
	local w
	while IFS= read -r w; do
		COMPREPLY+=("$w")
	done
}

# COMPREPLY: files (and folders) starting with $1; with $2 (extensions)
# only the files whose name ends so, and folders.
_zhili_files()
{
	local ext
	compopt -o filenames 2>/dev/null
	if [[ -z $2 ]]; then
		_zhili_add < <(compgen -f -- "$1")
		return
	fi
	_zhili_add < <(compgen -d -- "$1")
	for ext in $2; do
		_zhili_add < <(compgen -f -X "!*.$ext" -- "$1")
	done
}

# COMPREPLY for the argument cur of option opt of program prog.
_zhili_value()
{
	local prog=$1 opt=$2 cur=$3 kind names pre w
	kind=$(_zhili_kind "$prog" "$opt")
	[[ $prog:$opt == case-stats:--classify ]] && kind='words all'
	case $kind in
	file) _zhili_files "$cur" ;;
	yaml) _zhili_files "$cur" 'yaml yml' ;;
	dir)
		compopt -o filenames 2>/dev/null
		_zhili_add < <(compgen -d -- "$cur")
		;;
	sheet)
		while IFS= read -r w; do
			[[ $w == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$w")")
		done < <(_zhili_sheets "$prog")
		;;
	words\ *) _zhili_words "$cur" "${kind#words }" "" ;;
	field)
		names=$(_zhili_header "$prog")
		_zhili_words "$cur" "${names:-$_zhili_all_fields}" ""
		;;
	sort)
		names=$(_zhili_header "$prog")
		pre=
		[[ $cur == -* ]] && pre=- cur=${cur#-}
		_zhili_words "$cur" "$_zhili_case_metrics \
			${names:-$_zhili_case_fields} $_zhili_case_derived" "$pre"
		;;
	list\ *)
		# a comma-separated list: its last name, none already in it
		names=${kind#list }
		if [[ $names == fields ]]; then
			names=$(_zhili_header "$prog")
			case $prog in
			zhili-cat) names=${names:-$_zhili_all_fields} ;;
			*)
				names="${names:-$_zhili_case_fields}
					$_zhili_case_derived"
				;;
			esac
		fi
		pre=
		[[ $cur == *,* ]] && pre=${cur%,*}, cur=${cur##*,}
		_zhili_words "$cur" "$names" "$pre" "$pre"
		compopt -o nospace 2>/dev/null
		;;
	esac
}

_zhili()
{
	local prog=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} i opt=
	local prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	# after "--" only operands
	for ((i = 1; i < COMP_CWORD; i++)); do
		[[ ${COMP_WORDS[i]} == -- ]] && break
	done
	if ((i == COMP_CWORD)); then
		# --opt=value: readline splits it at '=' (COMP_WORDBREAKS)
		if [[ $cur == = && $prev == --* ]]; then
			opt=$prev cur=
		elif [[ $prev == = ]] && ((COMP_CWORD >= 3)); then
			opt=${COMP_WORDS[COMP_CWORD - 2]}
		elif [[ $cur == --*=* ]]; then
			opt=${cur%%=*} cur=${cur#*=}
		elif [[ $prev == -* && $prog:$prev != case-stats:--classify &&
		    -n $(_zhili_kind "$prog" "$prev") ]]; then
			opt=$prev
		fi
		if [[ -n $opt ]]; then
			_zhili_value "$prog" "$opt" "$cur"
			return
		fi
		if [[ $cur == -* ]]; then
			_zhili_words "$cur" "$(_zhili_opts "$prog")" ""
			return
		fi
	fi
	if [[ $prog == zhili-report ]]; then
		compopt -o filenames 2>/dev/null
		_zhili_add < <(compgen -d -- "$cur")
		return
	fi
	_zhili_files "$cur"
}

complete -F _zhili zhili-cat case-stats grid-import volunteer-points \
	worker-salary dual-report zhili-report
