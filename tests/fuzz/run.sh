#!/bin/sh
# tests/fuzz/run.sh: build every tests/fuzz/fuzz_*.c with libFuzzer and
# ASan/UBSan and run each briefly (FUZZ_SECONDS, default 20) from its seed
# corpus (tests/fuzz/corpus/NAME/, copied, so the tree stays clean), with
# the dictionary tests/fuzz/NAME.dict when there is one.
# A target that needs a program's code names its folders in a line
# "fuzz-with: cmd/NAME ..." (their .c files but main.c are linked in, with
# every program's fields.c and section.c).  FUZZ_ONLY="fuzz_a fuzz_b" runs
# only those.
# Ends with "N passed, N failed".  The Makefile gives the programs' own
# preprocessor flags and libraries (FUZZ_CPPFLAGS, FUZZ_LIBS): make fuzz.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
secs=${FUZZ_SECONDS:-20}
out=build-fuzz
mkdir -p "$out/obj" "$out/corpus"
CC=${FUZZ_CC:-clang}
: "${FUZZ_CPPFLAGS:?the Makefile gives FUZZ_CPPFLAGS and FUZZ_LIBS (make fuzz)}"
: "${FUZZ_LIBS:?the Makefile gives FUZZ_LIBS (make fuzz)}"
flags="-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined $FUZZ_CPPFLAGS"
libs=$FUZZ_LIBS
objs=
sh tools/embed.sh cfg_default etc/zhili.yaml > "$out/cfg_default.c"
for src in lib/*.c "$out/cfg_default.c"; do
	o=$out/obj/$(basename "$src" .c).o
	$CC $flags -fsanitize=fuzzer-no-link -c -o "$o" "$src" || exit 1
	objs="$objs $o"
done
pass=0
fail=0
# the object files of the .c files named: built again when the .c file or
# a header is newer
prog_objs() {
	for src in "$@"; do
		o=$out/obj/$(echo "$src" | tr / _ | sed 's/\.c$//').o
		{ [ "$o" -nt "$src" ] &&
			[ -z "$(find lib cmd -name '*.h' -newer "$o")" ]; } ||
			$CC $flags -fsanitize=fuzzer-no-link -I. -c -o "$o" "$src" ||
			return 1
		printf ' %s' "$o"
	done
}
for f in tests/fuzz/fuzz_*.c; do
	name=$(basename "$f" .c)
	bin=$out/$name
	case " ${FUZZ_ONLY:-$name} " in *" $name "*) ;; *) continue ;; esac
	srcs=$(for d in $(sed -n 's/.*fuzz-with: *//p' "$f"); do
		ls "$d"/*.c | grep -v '/main\.c$'
	done; ls cmd/*/fields.c cmd/*/section.c)
	srcs=$(echo "$srcs" | sort -u)
	if ! pobjs=$(prog_objs $srcs) ||
		! $CC $flags -fsanitize=fuzzer -o "$bin" "$f" $objs $pobjs $libs; then
		echo "FAIL $name: build"
		fail=$((fail + 1))
		continue
	fi
	corpus=$out/corpus/$name
	mkdir -p "$corpus"
	[ -d "tests/fuzz/corpus/$name" ] && cp "tests/fuzz/corpus/$name"/* "$corpus"/ 2>/dev/null
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
	if "./$bin" -max_total_time="$secs" $dict \
		-max_len=4096 -close_fd_mask=3 -print_final_stats=1 \
		"$corpus" >"$out/$name.log" 2>&1; then
		echo "PASS $name ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$name.log" | grep -o '[0-9]*$' || echo '?') runs)"
		pass=$((pass + 1))
	else
		echo "FAIL $name (see $out/$name.log)"
		tail -n 30 "$out/$name.log" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
