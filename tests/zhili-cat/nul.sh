# A NUL byte is not text (a workbook or a binary file misread, a damaged
# export): the record holding it is rejected, in every format and
# encoding, and the records around it are read.
cd "$TMP" || exit
printf 'a\tb\n1\tx\000y\n2\tz\n' > nul.tsv
printf 'a,b\n1,"x\000"\n2,z\n\000,3\n' > nul.csv
printf 'a\tb\n1\t\304\343\000\n2\t\272\303\n' > nul-gbk.tsv
printf '\377\376a\000\t\000b\000\n\0001\000\t\000\000\000\n\0002\000\t\000z\000\n\000' > nul-utf16.tsv
for f in nul.tsv nul.csv nul-gbk.tsv nul-utf16.tsv; do
	zhili-cat "$f"
	echo "$f: exit $?"
done
