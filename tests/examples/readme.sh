# Every example of README.md's Examples section (its indented lines, but
# the "# ..." comments; a line ending in "\" or "|" goes on in the next),
# run as the README says, from the top of the repository with the programs
# on PATH: here in a scratch folder holding a copy of examples/, so that
# what they write stays out of the repository.  tools/run-examples.sh
# prints each with its exit status (one per command of a pipeline) and
# the programs that wrote on standard error.
mkdir "$TMP/top" && cp -R ../../examples "$TMP/top/" || exit 3
sed -n '/^## Examples$/,/^## /p' ../../README.md |
	sed -e :a -e '/[\\|]$/{ N; s/ *\\\n */ /; s/|\n */| /; ba' -e '}' |
	sed -n 's/^    \([^ #]\)/$ \1/p' | sh ../../tools/run-examples.sh "$TMP/top"
