/*
 * fuzz_dual: libFuzzer target for dual-report: telling the kind of each
 * file by its header, reading the members, units and activities, judging
 * them (rejected, merged, left out, used), the period and the figures,
 * and writing the report.
 * fuzz-with: cmd/dual-report
 *
 * The first byte chooses the report (bits 0-1: units, communities,
 * members, communities), --by (bits 2-3: none, month, street with the
 * communities report, none), --total or --mask (bit 4), the input format
 * (bit 5: CSV, else TSV), exclude-units [U1] (bit 6) and a period (bit 7:
 * --quarter 2025-Q1, else the whole input).  The second byte the rules
 * and the output: bits 0-1 minimum 0, 1, 2, 3; bits 2-3 per month,
 * quarter, year, quarter; bit 4 deadline-days 0 (else 30); bit 5 --zh;
 * bit 6 --unit U1 (members report); bit 7 -o json (else TSV).  The rest
 * is up to three files, each with its header, split at lines "%%".
 *
 * Invariants (a broken one aborts): no crash, undefined behaviour or
 * leak; a fatal error (a header of no kind, a missing field) ends the
 * run, and the next one starts clean; every record read is used, left
 * out, rejected or merged; in the period and in each of its months, the
 * units' activities, early, hours, solved, registered and active add up
 * to the communities'; a member's activities are its early ones and the
 * others; active members are registered, registered and overdue ones
 * count; the months of --by month add up to the period's activities.
 */
#include <sys/mman.h>

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/dual-report/dr.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *in, size_t size);

/* dual-report's options (main.c's own, not linked here) */
struct opts opt;

#define NFILES 3

static jmp_buf back;
static char path[NFILES][64];
static int fd[NFILES] = { -1, -1, -1 };
static const char *excluded[] = { "U1", NULL };

static void
setup(void)
{
	static int done;
	struct rej_limit none = { -1, -1 };
	int i;

	if (done)
		return;
	done = 1;
	zl_init("dual-report");
	cfg_declare(&dr_section);
	cfg_setup(NULL);
	fld_setup();
	conf_load();
	free(rules.exclude); /* configure()'s instead */
	/* figures are written whatever the number rejected */
	none.n = 1LL << 62;
	rej_limit_set(&none);
	/* memory files, read by their names in /proc/self/fd */
	for (i = 0; i < NFILES; i++)
		fd[i] = fuzz_memfile("fuzz-dual", path[i], sizeof path[i]);
}

/* The options and rules the two first bytes ask for. */
static void
configure(unsigned a, unsigned b)
{
	static const int by[] = { BY_NONE, BY_MONTH, BY_STREET, BY_NONE };
	static const int per[] = { 1, 3, 12, 3 };

	memset(&opt, 0, sizeof opt);
	opt.report = (a & 3) == 3 ? R_COMMUNITIES : (int)(a & 3);
	opt.by = by[a >> 2 & 3];
	if (opt.report == R_MEMBERS ||
	    (opt.by == BY_STREET && opt.report != R_COMMUNITIES))
		opt.by = BY_NONE;
	if (opt.report == R_MEMBERS) {
		opt.mask = a >> 4 & 1;
		opt.unit = b & 64 ? "U1" : NULL;
	} else
		opt.total = a >> 4 & 1;
	cli.in_fmt = a & 32 ? FMT_CSV : FMT_TSV;
	cli.enc = ENC_UTF8;
	cli.progress = 0;
	rules.exclude = a & 64 ? excluded : excluded + 1;
	rules.nexclude = a & 64 ? 1 : 0;
	period_all(&cli.period);
	cli.has_period = (a & 128) != 0;
	if (cli.has_period) {
		cli.period_arg[PER_QUARTER] = "2025-Q1";
		fuzz_check(
		    date_period(&cli.period, PER_QUARTER, "2025-Q1") == 0);
	}
	rules.minimum = b & 3;
	rules.per_months = per[b >> 2 & 3];
	rules.deadline = b & 16 ? 0 : 30;
	cli.zh = b >> 5 & 1;
	cli.out_fmt = b & 128 ? FMT_JSON : FMT_TSV;
}

/* The records used: members, units rows and activities. */
static unsigned long long
used(void)
{
	unsigned long long n = 0;
	size_t i, nu = intern_len(data.units);

	for (i = 0; i < intern_len(data.ids); i++)
		n += !(data.mem[i].flags & M_EXCLUDED);
	for (i = 0; i < nu; i++)
		n += (data.unit[i].flags & (U_ROW | U_EXCLUDED)) == U_ROW;
	for (i = 0; i < data.nact; i++)
		n += !(data.act[i].flags & A_SKIP);
	return n;
}

/* The figures of window w, checked; the activities of its units. */
static void
check_window(const struct window *w, struct fig *u, struct fig *c)
{
	size_t nu = intern_len(data.units), nc = intern_len(data.comms);
	size_t nm = intern_len(data.ids), i;
	struct mfig *mf = xmalloc((nm + 1) * sizeof *mf);
	struct fig tu = { 0 }, tc = { 0 }, *f;

	window_run(w, u, c, mf);
	for (i = 0; i < nm; i++) {
		fuzz_check(mf[i].acts == mf[i].early + mf[i].ok);
		fuzz_check(!mf[i].active || mf[i].registered);
		fuzz_check(!mf[i].registered || mf[i].counts);
		fuzz_check(!mf[i].overdue || mf[i].counts);
	}
	for (i = 0; i < nu; i++) {
		f = &u[i];
		fuzz_check(
		    f->members >= f->registered && f->registered >= f->active);
		fuzz_check(f->overdue <= f->members);
		fig_add(&tu, f);
	}
	for (i = 0; i < nc; i++)
		fig_add(&tc, &c[i]);
	fuzz_check(tu.activities == tc.activities && tu.early == tc.early &&
	    tu.hours == tc.hours && tu.solved == tc.solved);
	fuzz_check(tu.registered == tc.registered && tu.active == tc.active);
	fuzz_check(tc.activities >= tc.early && tc.hours >= 0);
	free(mf);
}

/* The period's figures and its months', checked. */
static void
check_figures(void)
{
	size_t nu = intern_len(data.units), nc = intern_len(data.comms), i;
	struct fig *u = xmalloc((nu + 1) * sizeof *u);
	struct fig *c = xmalloc((nc + 1) * sizeof *c);
	long long acts = 0, hours = 0, macts = 0, mhours = 0;
	struct window p, m;
	long n, k;

	period_make(&p);
	fuzz_check(p.from <= p.to && p.need >= 0);
	check_window(&p, u, c);
	for (i = 0; i < nc; i++) {
		acts += c[i].activities;
		hours += c[i].hours;
	}
	k = months_of(p.from, p.to);
	for (n = 0; n < k && n < 36; n++) {
		month_window(&p, n, &m);
		fuzz_check(m.from <= m.to && m.from >= p.from && m.to <= p.to);
		check_window(&m, u, c);
		for (i = 0; i < nc; i++) {
			macts += c[i].activities;
			mhours += c[i].hours;
		}
	}
	fuzz_check(n < k || (macts == acts && mhours == hours));
	free(u);
	free(c);
}

/* Read the files, check the counts and figures, write the report. */
static void
run(int nfiles)
{
	unsigned long long read0 = rej_nread, rej0 = rej_count(), merged;
	char *files[NFILES] = { path[0], path[1], path[2] };
	int g;

	input_read(nfiles, files);
	for (merged = 0, g = 0; g < MG_N; g++)
		merged += data.nmerged[g];
	fuzz_check(rej_nread - read0 ==
	    used() + data.left_out + (rej_count() - rej0) + merged);
	check_figures();
	report_write();
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	const char *p = (const char *)in + 2, *end = (const char *)in + size;
	const char *s;
	int nfiles = 0;

	if (size < 2)
		return 0;
	setup();
	configure(in[0], in[1]);
	/* up to three files: split at the lines "%%" */
	while (nfiles < NFILES - 1) {
		if (end - p >= 3 && memcmp(p, "%%\n", 3) == 0)
			s = p;
		else if ((s = memmem(p, (size_t)(end - p), "\n%%\n", 4)) !=
		    NULL)
			s++;
		else
			break;
		fuzz_put(fd[nfiles++], p, (size_t)(s - p));
		p = s + 3;
	}
	fuzz_put(fd[nfiles++], p, (size_t)(end - p));
	if (setjmp(back) == 0) {
		zl_at_end(fuzz_hook, &back);
		run(nfiles);
		zl_at_end_cancel(fuzz_hook, &back);
		input_reset();
	} else
		input_abandon();
	return 0;
}
