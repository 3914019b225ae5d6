zhili-cat -c data/cfg-over-fixed.yaml --print-config > /dev/null; echo "exit $?"
