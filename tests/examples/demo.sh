sh ../../examples/demo.sh | head -n 4; sh ../../examples/demo.sh 2>/dev/null | wc -l
