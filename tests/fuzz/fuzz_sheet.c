/*
 * fuzz_sheet: libFuzzer target for grid-import's reading of roster
 * sheets: header detection, title, blank and total rows, fill-down, the
 * units made from the rows, their codes, checks and output.
 * fuzz-with: cmd/grid-import
 *
 * The first byte chooses how the rest is read and written: bits 0-1 the
 * format (auto, TSV, CSV), bits 2-3 the encoding (auto, UTF-8, GB18030),
 * bit 4 --mask, bits 5-6 what is written (the units, --summary --total,
 * --check, --level building), bit 7 two sheets: the rest split at its
 * first line "%%".  The sheets are read as grid-import reads them (the
 * reader without a header, sheet_row, sheet_end, units_finish), and the
 * output written (stdout: libFuzzer's -close_fd_mask=3 makes it
 * /dev/null).
 *
 * Invariants (a broken one aborts): no crash, undefined behaviour or
 * leak; a fatal error (not a roster sheet) ends the run, and the next
 * run starts clean; every row read is a title, header, blank, total or
 * used row, or rejected; every row used that names a building made one,
 * or was merged into one listed before it (buildings + merged = rows
 * with a building); every building hangs under a grid, every unit under
 * a unit of a higher level.
 */
#include <sys/mman.h>

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/fld.h"
#include "lib/rx.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static jmp_buf back;
static char path[2][64];
static int fd[2] = { -1, -1 };

static void
setup(void)
{
	static int done;
	int i;

	if (done)
		return;
	done = 1;
	zl_init("grid-import");
	cfg_declare(&grid_import_section);
	cfg_setup(NULL);
	fld_setup();
	rx_config();
	conf_load();
	/* two memory files, read by their names in /proc/self/fd */
	for (i = 0; i < 2; i++)
		fd[i] = fuzz_memfile("fuzz-sheet", path[i], sizeof path[i]);
}

/* The buildings below u (and its siblings after it); each unit's parent
 * of a higher level, a building's a grid. */
static unsigned long long
buildings(const struct unit *u, const struct unit *parent)
{
	unsigned long long n = 0;

	for (; u != NULL; u = u->next) {
		fuzz_check(u->parent == parent && !u->dropped);
		fuzz_check(parent == NULL || u->level > parent->level);
		if (u->level == L_BUILDING) {
			fuzz_check(parent != NULL && parent->level == L_GRID);
			n++;
		}
		n += buildings(u->child, u);
	}
	return n;
}

/* What grid-import writes (main.c's output). */
static void
output(int what)
{
	gopt.summary = what == 1;
	gopt.total = what == 1;
	gopt.check = what == 2;
	gopt.level = what == 3 ? L_BUILDING : -1;
	if (gopt.check)
		check_write(FMT_TSV, 0);
	else if (gopt.summary)
		write_summary(FMT_TSV, 0);
	else
		write_units(FMT_TSV, 0);
}

/* Read the nfiles sheets, check the rows and the units, write them. */
static void
run(int sel, int nfiles)
{
	static const int fmts[] = { FMT_AUTO, FMT_TSV, FMT_CSV, FMT_AUTO };
	static const int encs[] = { ENC_AUTO, ENC_UTF8, ENC_GB18030, ENC_AUTO };
	unsigned long long read0 = rej_nread, rej0 = rej_count(), rows;
	struct rd_opts ro = cli_rd_opts();
	char *files[2] = { path[0], path[1] };
	struct rd *r;
	struct rec *rec;

	ro.fmt = fmts[sel & 3];
	ro.enc = encs[sel >> 2 & 3];
	ro.progress = 0;
	ro.noheader = 1;
	gopt.mask = sel >> 4 & 1;
	r = rd_open(nfiles, files, &ro);
	while (rd_next(r, &rec))
		sheet_row(rec);
	sheet_end();
	rd_close(r);
	units_finish();
	/* every row read is one of these */
	rows = fixes[FIX_TITLE] + rows_header + fixes[FIX_BLANK] +
	    fixes[FIX_TOTAL] + rows_used + (rej_count() - rej0);
	if (rej_nread - read0 != rows) {
		fprintf(stderr,
		    "rows read %llu: title %llu, header %llu, blank %llu, "
		    "total %llu, used %llu, rejected %llu\n",
		    rej_nread - read0, fixes[FIX_TITLE], rows_header,
		    fixes[FIX_BLANK], fixes[FIX_TOTAL], rows_used,
		    rej_count() - rej0);
		abort();
	}
	/* every row with a building made one, or was merged */
	fuzz_check(rows_building <= rows_used);
	fuzz_check(buildings(roots, NULL) + units_merged == rows_building);
	output(sel >> 5 & 3);
}

/* run, back here after a fatal error (a frame of its own: nothing in it
 * changes between setjmp and longjmp) */
static void
guarded(int sel, int nfiles)
{
	if (setjmp(back) == 0) {
		zl_at_end(fuzz_hook, &back);
		run(sel, nfiles);
		zl_at_end_cancel(fuzz_hook, &back);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1, *split = NULL;
	size_t n = size > 0 ? size - 1 : 0;
	int nfiles = 1;

	if (size < 1)
		return 0;
	setup();
	if (data[0] & 128) {
		/* two sheets: split at the first line "%%" */
		split = n >= 3 && memcmp(p, "%%\n", 3) == 0 ?
		    p :
		    memmem(p, n, "\n%%\n", 4);
		if (split != NULL && split != p)
			split++;
	}
	if (split != NULL) {
		fuzz_put(fd[0], p, (size_t)(split - p));
		fuzz_put(fd[1], split + 3, n - (size_t)(split - p) - 3);
		nfiles = 2;
	} else
		fuzz_put(fd[0], p, n);
	sheet_reset();
	guarded(data[0], nfiles);
	units_reset();
	check_reset();
	sheet_reset();
	return 0;
}
