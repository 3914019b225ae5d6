# tools/po-check.sh on a copy of the sources with a new message and a
# changed one: it fails and says what to run; doing that (make pot, then
# translating the entries it leaves empty or fuzzy) makes it pass.
top=$(cd ../.. && pwd)
cd "$TMP" || exit
mkdir src && cd src || exit
cp -R "$top/Makefile" "$top/lib" "$top/cmd" "$top/tools" "$top/po" .
cat > cmd/zz-new.c <<'END'
#include "lib/zl.h"
const char *zz_new = N_("%s: a message no one has translated yet");
END
sed -i 's/unknown option .--%s.")/unknown option --%s")/' lib/cli.c
{ sh tools/po-check.sh; echo "exit $?"; } |
	sed "s/[0-9][0-9]* translated messages/N translated messages/"
make -s pot 2>&1
# the new entry is empty, the changed one fuzzy: translate them
awk '/^#, fuzzy/ { next } /^msgid "%s: a message no one/ { print; getline
	print "msgstr \"%s：一条尚未翻译的消息\""; next } { print }' po/zh_CN.po > p &&
	mv p po/zh_CN.po
sed -i '/^msgid "unknown option --%s"/{n;s/.*/msgstr "未知选项 --%s"/;}' po/zh_CN.po
{ sh tools/po-check.sh; echo "exit $?"; } |
	sed "s/[0-9][0-9]* translated messages/N translated messages/"
# a changed conversion is found by msgfmt -c
sed -i 's/^msgstr "%s：一条尚未翻译的消息"/msgstr "%d：一条尚未翻译的消息"/' po/zh_CN.po
{ sh tools/po-check.sh 2>&1; echo "exit $?"; } |
	sed -e 's/^[^:]*zh_CN.po:[0-9]*: /po\/zh_CN.po:LINE: /' \
		-e 's/[0-9][0-9]* translated messages/N translated messages/'

