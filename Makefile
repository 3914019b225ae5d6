# zhili — build, test, install.  GNU make (4.x: define, eval, wildcard,
# pattern rules), one file, no recursion but for make check's own steps.
# The user's CC, CFLAGS, LDFLAGS, PREFIX and DESTDIR always win.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
BUILD ?= build
PKG_CONFIG ?= pkg-config

ZL_INCLUDES = -I. -D_GNU_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 \
	$$($(PKG_CONFIG) --cflags yaml-0.1 libpcre2-8 xlsxwriter 2>/dev/null)
ZL_CPPFLAGS = $(ZL_INCLUDES) -DLOCALEDIR='"$(LOCALEDIR)"'
ZL_CFLAGS = -std=c11 -Wall -Wextra
# make lint (and make check): hand-written code has no warning under these.
LINT_FLAGS = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
# libcsv has no .pc file on Debian.
CSV_LIBS = -lcsv
ZL_LIBS = $(CSV_LIBS) $$($(PKG_CONFIG) --libs yaml-0.1 libpcre2-8 xlsxwriter libzip expat freexl 2>/dev/null || echo -lyaml -lpcre2-8 -lxlsxwriter -lz -lzip -lexpat -lfreexl) -lm -pthread

# The programs: cmd/NAME.c or cmd/NAME/*.c each.
PROGS = zhili-cat case-stats grid-import volunteer-points worker-salary \
	dual-report
# Programs that are shell scripts: cmd/NAME.sh, with the version and the
# example data's folder filled in (the build tree's; make install: the
# installed copy's).
SCRIPTS = zhili-report
VERSION = $$(sed -n 's/^\#define ZHILI_VERSION "\(.*\)"/\1/p' lib/zl.h)
DATADIR ?= $(PREFIX)/share/zhili
SUBST = sed -e "s|@VERSION@|$(VERSION)|" -e "s|@EXAMPLES@|$(1)|" \
	-e "s|@LOCALEDIR@|$(LOCALEDIR)|"
# bash completion (completion/zhili.bash), installed under each name.
COMPLETIONS = $(sort $(PROGS) $(SCRIPTS))
# Programs built for the tests, not installed: tests/NAME/*.c each.
TEST_PROGS = hello
LIB_SRC = $(wildcard lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/lib/cfg_default.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HDRS = $(wildcard lib/*.h)

COMPILE = $(CC) $(ZL_CPPFLAGS) $(ZL_CFLAGS) $(CPPFLAGS) $(CFLAGS)

# The message catalogues: po/LANG.po, compiled beside build/bin as the
# programs look for them (lib/zl.c).  make pot: see po/README.
LINGUAS = zh_CN
MO = $(LINGUAS:%=$(BUILD)/share/locale/%/LC_MESSAGES/zhili.mo)

all: $(PROGS:%=$(BUILD)/bin/%) $(SCRIPTS:%=$(BUILD)/bin/%) $(MO)

$(BUILD)/share/locale/%/LC_MESSAGES/zhili.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@.tmp po/$*.po && mv $@.tmp $@

pot:
	sh tools/pot.sh po/zhili.pot
	for l in $(LINGUAS); do [ -f po/$$l.po ] || msginit --no-translator \
		-l $$l.UTF-8 -i po/zhili.pot -o po/$$l.po; msgmerge -q --update \
		--backup=none po/$$l.po po/zhili.pot; done

$(BUILD)/bin/%: cmd/%.sh lib/zl.h
	@mkdir -p $(@D)
	$(call SUBST,$(CURDIR)/examples/data) cmd/$*.sh > $@.tmp
	chmod 755 $@.tmp && mv $@.tmp $@

$(BUILD)/lib/%.o: lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

$(BUILD)/lib/cfg_default.c: etc/zhili.yaml tools/embed.sh
	@mkdir -p $(@D)
	sh tools/embed.sh cfg_default etc/zhili.yaml > $@

$(BUILD)/lib/cfg_default.o: $(BUILD)/lib/cfg_default.c
	$(COMPILE) -c -o $@ $(BUILD)/lib/cfg_default.c

$(BUILD)/libzhili.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/cmd/%.o: cmd/%.c $(HDRS) $(wildcard cmd/*/*.h)
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HDRS)
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

# A program is cmd/NAME.c, or the files of cmd/NAME/ when it has grown,
# and the files NAME_EXTRA names.  Every program knows every program's
# fields (one zhili.yaml's aliases: serves them all; zhili-cat shows them)
# and configuration section (so each checks the whole of a zhili.yaml).
$(foreach p,$(PROGS),$(eval $(p)_EXTRA = $(wildcard cmd/*/fields.c cmd/*/section.c)))

define PROG_RULE
$(3)/$(1): $$(patsubst %.c,$(BUILD)/%.o,$$(sort $$(wildcard $(2)/$(1).c $(2)/$(1)/*.c) $$($(1)_EXTRA))) $(BUILD)/libzhili.a
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(BUILD)/libzhili.a $$(ZL_LIBS)
endef
$(foreach p,$(PROGS),$(eval $(call PROG_RULE,$(p),cmd,$(BUILD)/bin)))
$(foreach p,$(TEST_PROGS),$(eval $(call PROG_RULE,$(p),tests,$(BUILD)/tests/bin)))

# The fuzz targets, built without libFuzzer (tests/fuzz/replay.c) so that
# make check runs each over its seed corpus; make fuzz fuzzes them.  A
# target links the program folders its "fuzz-with:" line names (all but
# main.c) and every program's fields.c and section.c, as tests/fuzz/run.sh.
FUZZ_NAMES = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_NAMES:%=$(BUILD)/tests/fuzz/%)
fuzz_with = $(filter-out %/main.c,$(foreach d,$(shell sed -n \
	's/.*fuzz-with: *//p' $(1)),$(wildcard $(d)/*.c)))
define FUZZ_RULE
$(BUILD)/tests/fuzz/$(1): $(BUILD)/tests/fuzz/$(1).o $(BUILD)/tests/fuzz/replay.o $$(patsubst %.c,$(BUILD)/%.o,$$(sort $$(call fuzz_with,tests/fuzz/$(1).c) $$(wildcard cmd/*/fields.c cmd/*/section.c))) $(BUILD)/libzhili.a
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $(BUILD)/libzhili.a $$(ZL_LIBS)
endef
$(foreach f,$(FUZZ_NAMES),$(eval $(call FUZZ_RULE,$(f))))

$(BUILD)/tests/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h $(HDRS) \
		$(wildcard cmd/*/*.h)
	@mkdir -p $(@D)
	$(COMPILE) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h tests/unit/wr_ref.h $(BUILD)/libzhili.a
	@mkdir -p $(@D)
	$(COMPILE) -o $@ $< $(LDFLAGS) $(BUILD)/libzhili.a $(ZL_LIBS)

# Debian packages the build and the tests need; installed when missing.
DEPS = gcc make pkg-config libcsv-dev libyaml-dev libpcre2-dev mandoc \
	man-db clang clang-format parallel gawk python3 libxlsxwriter-dev \
	libzip-dev libexpat1-dev libfreexl-dev python3-openpyxl gnuplot-nox \
	libxml2-utils bash-completion gettext locales libc-l10n
BENCH_DEPS = miller datamash gawk mawk python3 time python3-openpyxl xlsx2csv

deps:
	@sh tools/deps.sh $(DEPS)

bench-deps:
	@sh tools/deps.sh $(BENCH_DEPS)

units: $(UNIT_BIN) $(TEST_PROGS:%=$(BUILD)/tests/bin/%) $(FUZZ_BIN)

# tests/run runs tools/lint.sh with these; lint.sh evals LINT_CC, so the
# quotes of LOCALEDIR's string are escaped once more.
LINT_ENV = LINT_CC="$(CC) $(ZL_INCLUDES) -DLOCALEDIR=\\\"$(LOCALEDIR)\\\" \
	$(LINT_FLAGS)"

check: deps
	@$(MAKE) -s all units
	@BUILD=$(BUILD) $(LINT_ENV) sh tests/run

check-asan: deps
	@$(MAKE) -s BUILD=build-asan CC=clang \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" all units
	@BUILD=build-asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 sh tests/run

# The tests under ThreadSanitizer: every -j path (the programs' default on
# a machine of two cores or more) free of data races.
check-tsan: deps
	@$(MAKE) -s BUILD=build-tsan CC=clang \
		CFLAGS="-O1 -g -fsanitize=thread" \
		LDFLAGS="-fsanitize=thread" all units
	@BUILD=build-tsan TSAN_OPTIONS=halt_on_error=1 sh tests/run

# The Chinese pages (issue 17): those present; man/zh_CN/README is not one.
ZH_MAN = $(wildcard man/zh_CN/man1/*.1 man/zh_CN/man5/*.5 man/zh_CN/man7/*.7)

lint-man:
	@sh tools/lint-man.sh man/man1/*.1 man/man5/*.5 man/man7/*.7 $(ZH_MAN)

lint: deps
	@$(MAKE) -s $(BUILD)/lib/cfg_default.c
	@BUILD=$(BUILD) $(LINT_ENV) sh tools/lint.sh
	@sh tools/lint-man.sh man/man1/*.1 man/man5/*.5 man/man7/*.7 $(ZH_MAN)

format:
	clang-format -i lib/*.[ch] cmd/*.c cmd/*/*.[ch] tests/hello/*.c \
		tests/unit/*.[ch] tests/fuzz/*.[ch]

# The fuzz targets are built with the flags and libraries of the programs
# (not LOCALEDIR: run.sh splits the flags, so its quotes would stay; the
# default of lib/zl.c serves).
fuzz: deps
	@FUZZ_CPPFLAGS="$(ZL_INCLUDES)" FUZZ_LIBS="$(ZL_LIBS)" \
		sh tests/fuzz/run.sh

bench: all bench-deps
	@sh bench/run.sh

bench-case-stats: all bench-deps
	@sh bench/case-stats.sh

# Not in check: npm installs @duckdb/node-api into bench/ (network).
bench-duckdb: all bench-deps
	@sh bench/duckdb.sh --install

bench-grid-import: all bench-deps
	@sh bench/grid-import.sh

bench-volunteer-points: all bench-deps
	@sh bench/volunteer-points.sh

bench-dual-report: all bench-deps
	@sh bench/dual-report.sh

bench-worker-salary: all bench-deps
	@sh bench/worker-salary.sh

bench-xlsx-write: all bench-deps
	@sh bench/xlsx-write.sh

bench-xlsx-read: all bench-deps
	@sh bench/xlsx-read.sh

demo: deps
	@$(MAKE) -s all
	@sh examples/demo.sh

# docs/report.png, for the README (installs chromium when missing).
screenshot: deps
	@$(MAKE) -s all
	@BUILD=$(BUILD) sh tools/screenshot.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do \
		install -m 755 $(BUILD)/bin/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for p in $(SCRIPTS); do \
		$(call SUBST,$(DATADIR)/examples/data) cmd/$$p.sh > $(DESTDIR)$(BINDIR)/$$p; \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p; done
	mkdir -p $(DESTDIR)$(DATADIR)/examples
	cp -R examples/data $(DESTDIR)$(DATADIR)/examples/
	install -m 644 man/man1/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/man5/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 man/man7/*.7 $(DESTDIR)$(MANDIR)/man7/
	for m in $(ZH_MAN:man/%=%); do mkdir -p $(DESTDIR)$(MANDIR)/$${m%/*} && \
		install -m 644 man/$$m $(DESTDIR)$(MANDIR)/$$m; done
	mkdir -p $(DESTDIR)$(COMPDIR)
	for p in $(COMPLETIONS); do \
		install -m 644 completion/zhili.bash $(DESTDIR)$(COMPDIR)/$$p; done
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/share/locale/$$l/LC_MESSAGES/zhili.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/zhili.mo; done

uninstall:
	for p in $(PROGS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	rm -rf $(DESTDIR)$(DATADIR)
	cd man && for m in man1/*.1 man5/*.5 man7/*.7 $(ZH_MAN:man/%=%); do \
		rm -f $(DESTDIR)$(MANDIR)/$$m; done
	for p in $(COMPLETIONS); do rm -f $(DESTDIR)$(COMPDIR)/$$p; done
	for l in $(LINGUAS); do \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/zhili.mo; done

clean:
	rm -rf build build-asan build-tsan build-fuzz

.PHONY: all pot deps bench-deps units check check-asan check-tsan lint-man lint format \
	fuzz bench \
	bench-case-stats bench-duckdb bench-grid-import bench-volunteer-points \
	bench-dual-report bench-worker-salary bench-xlsx-write bench-xlsx-read \
	demo screenshot \
	install uninstall clean
.SUFFIXES:
