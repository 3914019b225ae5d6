# Installed by make install, the completion is found by bash-completion's
# on-demand loading under each program's name (share/bash-completion/
# completions/NAME), and completes as it does sourced.
top=$(cd ../.. && pwd)
make -s -C "$top" install DESTDIR="$TMP/inst" PREFIX=/usr >/dev/null || exit
HOME=$TMP XDG_DATA_DIRS=$TMP/inst/usr/share bash -c '
. /usr/share/bash-completion/bash_completion
for p in zhili-cat case-stats grid-import volunteer-points worker-salary \
    dual-report zhili-report; do
	__load_completion "$p" || echo "$p: not loaded"
done
complete -p | grep _zhili | LC_ALL=C sort
COMP_WORDS=(case-stats --metrics total,res) COMP_CWORD=2
_zhili case-stats total,res --metrics
echo "${COMPREPLY[@]}"' 2>&1
