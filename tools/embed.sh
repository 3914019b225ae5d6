#!/bin/sh
# embed.sh NAME FILE: a C file defining NAME_text[] (NUL-terminated) and
# NAME_len with the bytes of FILE, so the default configuration is compiled
# into every program.  Each byte is a character constant ('\xe6'), so the
# table compiles without a warning under -Wpedantic -Wconversion (a string
# literal would pass the 4095 characters ISO C promises; 0xe6 would
# overflow a char).
name=$1
file=$2
printf '/* Generated from %s by tools/embed.sh; do not edit. */\n' "$file"
printf '#include <stddef.h>\n'
printf 'const char %s_text[] = {\n' "$name"
od -An -v -tx1 "$file" | sed "s/ *\([0-9a-f][0-9a-f]\)/'\\\\x\1',/g"
printf "'\\\\0' };\n"
printf 'const size_t %s_len = sizeof %s_text - 1;\n' "$name" "$name"
