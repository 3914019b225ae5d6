# --help and --version that cannot be written: exit 3, with the reason.
zhili-cat --help > /dev/full; echo "exit $?"
zhili-cat --version > /dev/full; echo "exit $?"
