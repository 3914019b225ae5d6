# --print-config lists every error of a file, an unknown section too: the
# check goes on after it (it stopped there)
zhili-cat -c data/cfg-unknown-section.yaml --print-config
# a run that is not a check stops at the first
zhili-cat -c data/cfg-unknown-section.yaml data/../../hello/data/names.csv
