# Installed (make install PREFIX=...), man finds the Chinese page in the
# zh_CN language folder, and the English one in another language.  -L
# zh_CN stands for LANG=zh_CN.UTF-8, which man-db follows only where that
# locale is generated.  man-db looks in language folders only for a
# MANPATH, not for -M.
top=$(cd ../.. && pwd)
make -s -C "$top" install PREFIX="$TMP/pfx" > /dev/null
MANPATH=$TMP/pfx/share/man
export MANPATH
for lang in zh_CN C; do
	man -L $lang -w zhili-report zhili-cat | sed "s|$TMP|TMP|"
done
MANWIDTH=80 man -L zh_CN zhili-report 2>&1 | sed -n '/^NAME/,/^$/p'
