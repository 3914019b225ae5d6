# make install puts the catalogue under PREFIX/share/locale, where the
# installed programs find it (beside their bin/, wherever DESTDIR put
# them; not the build tree's); make uninstall removes it.
top=$(cd ../.. && pwd)
make -s -C "$top" install DESTDIR="$TMP/inst" PREFIX=/usr > /dev/null
cd "$TMP/inst/usr" || exit
find share/locale -type f
PATH=/usr/bin:/bin
export LANGUAGE=zh_CN
bin/case-stats --bogus 2>&1 | head -n 1
bin/zhili-report --bogus 2>&1 | head -n 1
# a copy of the program without its share/: English, no error
mkdir -p "$TMP/bare/bin" && cp bin/case-stats "$TMP/bare/bin/"
"$TMP/bare/bin/case-stats" --bogus 2>&1 | head -n 1
make -s -C "$top" uninstall DESTDIR="$TMP/inst" PREFIX=/usr > /dev/null
find "$TMP/inst" -name '*.mo'
