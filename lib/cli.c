/* cli: the shared command-line options (DESIGN.md section 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cli.h"
#include "lib/fld.h"
#include "lib/out.h"
#include "lib/rej.h"

struct cli cli = {
	.in_fmt = FMT_AUTO,
	.enc = ENC_AUTO,
	.out_fmt = FMT_TSV,
	.progress = -1,
	.period = { -(1LL << 62), 1LL << 62 },
};

static int
parse_fmt(const char *s)
{
	static const struct {
		const char *name;
		int fmt;
	} fmts[] = {
		{ "tsv", FMT_TSV },
		{ "csv", FMT_CSV },
		{ "json", FMT_JSON },
		{ "jsonl", FMT_JSON },
		{ "table", FMT_TABLE },
		{ "md", FMT_MD },
		{ "markdown", FMT_MD },
	};
	size_t i;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
		if (strcasecmp(s, fmts[i].name) == 0)
			return fmts[i].fmt;
	zl_die(ZL_USAGE,
	    _("unknown output format '%s' (tsv, csv, json, "
	      "table or md)"),
	    s);
}

static int
parse_enc(const char *s)
{
	if (strcasecmp(s, "auto") == 0)
		return ENC_AUTO;
	if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		return ENC_UTF8;
	if (strcasecmp(s, "gbk") == 0 || strcasecmp(s, "gb18030") == 0 ||
	    strcasecmp(s, "gb2312") == 0 || strcasecmp(s, "cp936") == 0)
		return ENC_GB18030;
	zl_die(ZL_USAGE,
	    _("unknown encoding '%s' (utf-8, gbk, gb18030 or "
	      "auto)"),
	    s);
}

/* The options that set a value: --csv sets cli.in_fmt to FMT_CSV. */
static const struct {
	int opt;
	int *var;
	int val;
} sets[] = {
	{ CLI_CSV, &cli.in_fmt, FMT_CSV },
	{ CLI_TSV, &cli.in_fmt, FMT_TSV },
	{ CLI_BOM, &cli.bom, 1 },
	{ CLI_ZH, &cli.zh, 1 },
	{ CLI_STRICT, &cli.strict, 1 },
	{ CLI_PROGRESS, &cli.progress, 1 },
	{ CLI_NO_PROGRESS, &cli.progress, 0 },
	{ CLI_PRINT_CONFIG, &cli.print_config, 1 },
};

/* ---- the date options: the period ---- */

/* In the order of PER_*. */
static const struct {
	int opt;
	const char *name;
} dates[PER_N] = {
	{ CLI_FROM, "--from" },
	{ CLI_TO, "--to" },
	{ CLI_MONTH, "--month" },
	{ CLI_QUARTER, "--quarter" },
	{ CLI_YEAR, "--year" },
};

/* The records in the period and outside it (cli_in_period). */
static struct {
	unsigned long long in, out;
	long long first, last; /* the times of those outside */
} seen;

/* The period of the date option k alone (arg: valid). */
static struct period
period_alone(int k, const char *arg)
{
	struct period p;

	period_all(&p);
	date_period(&p, k, arg);
	return p;
}

/* arg as one word of a shell command: in b, quoted when it holds a space. */
static const char *
shell_word(struct buf *b, const char *arg)
{
	buf_reset(b);
	buf_printf(b, strchr(arg, ' ') != NULL ? "'%s'" : "%s", arg);
	return b->p;
}

/* The date option k given again (arg) with another period. */
static void
period_twice(int k, const char *arg)
{
	const char *was = cli.period_arg[k];
	struct period a = period_alone(k, was), b = period_alone(k, arg);
	char from[24], to[24];

	if (k == PER_FROM || k == PER_TO)
		zl_die(ZL_USAGE, _("%s given twice ('%s', '%s'): give it once"),
		    dates[k].name, was, arg);
	date_format(a.from < b.from ? a.from : b.from, 0, from);
	date_format((a.until > b.until ? a.until : b.until) - DAY_SECS, 0, to);
	zl_die(ZL_USAGE,
	    _("%s given twice ('%s', '%s'): period options narrow each "
	      "other to the time they share, and these share none; to span "
	      "both: --from %s --to %s"),
	    dates[k].name, was, arg, from, to);
}

/* The date option k (arg) has no time in common with one given before. */
static void
period_disjoint(int k, const char *arg)
{
	struct period p = period_alone(k, arg), q;
	struct buf f = { 0 }, t = { 0 };
	const char *was;
	int j;

	for (j = 0; j < PER_N; j++) {
		if (j == k || (was = cli.period_arg[j]) == NULL)
			continue;
		q = period_alone(j, was);
		if (p.from < q.until && q.from < p.until)
			continue;
		if (j + k == PER_FROM + PER_TO) {
			const char *from = k == PER_FROM ? arg : was;
			const char *to = k == PER_TO ? arg : was;

			zl_die(ZL_USAGE,
			    _("--from '%s' is after --to '%s': the period "
			      "would be empty (swapped? --from %s --to %s)"),
			    from, to, shell_word(&f, to), shell_word(&t, from));
		}
		zl_die(ZL_USAGE,
		    _("%s '%s' and %s '%s' share no time: period options "
		      "narrow each other to the time they share"),
		    dates[j].name, was, dates[k].name, arg);
	}
}

/* The date option k: the period narrowed to it. */
static void
period_option(int k, const char *arg)
{
	struct period p, was;

	period_all(&p);
	if (date_period(&p, k, arg) != 0)
		zl_die(ZL_USAGE, _("%s: invalid %s '%s'"), dates[k].name,
		    k == PER_MONTH	 ? _("month (YYYY-MM)") :
			k == PER_QUARTER ? _("quarter (YYYY-Qn)") :
			k == PER_YEAR	 ? _("year (YYYY)") :
					   _("date"),
		    arg);
	if (cli.period_arg[k] != NULL) {
		was = period_alone(k, cli.period_arg[k]);
		if (was.from == p.from && was.until == p.until)
			return; /* the same period again */
		period_twice(k, arg);
	}
	if ((p.from > cli.period.from ? p.from : cli.period.from) >=
	    (p.until < cli.period.until ? p.until : cli.period.until))
		period_disjoint(k, arg);
	date_period(&cli.period, k, arg);
	cli.period_arg[k] = arg;
	cli.has_period = 1;
}

int
cli_in_period(long long t)
{
	if (period_has(&cli.period, t)) {
		seen.in++;
		return 1;
	}
	if (seen.out++ == 0 || t < seen.first)
		seen.first = t;
	if (seen.out == 1 || t > seen.last)
		seen.last = t;
	return 0;
}

void
cli_period_end(const char *field)
{
	struct buf b = { 0 }, span = { 0 };
	char first[24], last[24];

	if (!cli.has_period || seen.in > 0 || seen.out == 0)
		return;
	period_show(&b, &cli.period);
	date_format(seen.first, 0, first);
	date_format(seen.last, 0, last);
	if (strcmp(first, last) == 0)
		buf_adds(&span, first);
	else
		buf_printf(&span, _("from %s to %s"), first, last);
	zl_warn(ngettext("no records in the period %s: the %llu outside it "
			 "has %s %s",
		    "no records in the period %s: the %llu outside it "
		    "have %s %s",
		    seen.out),
	    b.p, seen.out, field, span.p);
	buf_free(&b);
	buf_free(&span);
}

int
cli_option(int c, const char *arg, void (*help)(void))
{
	int k;
	size_t i;

	for (i = 0; i < sizeof sets / sizeof sets[0]; i++)
		if (c == sets[i].opt) {
			*sets[i].var = sets[i].val;
			return 1;
		}
	switch (c) {
	case 'c':
		cli.config = arg;
		return 1;
	case 'o':
		cli.out_fmt = parse_fmt(arg);
		return 1;
	case 'h':
		help();
		exit(zl_finish(ZL_OK));
	case 'V':
		printf("%s (zhili) %s\n", zl_prog, ZHILI_VERSION);
		exit(ZL_OK);
	case CLI_ENCODING:
		cli.enc = parse_enc(arg);
		return 1;
	case CLI_REJECT:
		cli.reject = arg;
		return 1;
	}
	for (k = 0; k < PER_N; k++)
		if (c == dates[k].opt) {
			period_option(k, arg);
			return 1;
		}
	return 0;
}

void
cli_setup(const struct cfg_section *own)
{
	if (own != NULL)
		cfg_declare(own);
	cfg_setup(cli.config);
	fld_setup();
	if (cli.print_config) {
		struct buf b = { 0 };

		cfg_print(&b, cfg_root());
		out_write(b.p, b.n);
		buf_free(&b);
		exit(zl_finish(ZL_OK));
	}
	if (cli.reject != NULL)
		rej_open(cli.reject);
	rej_strict(cli.strict);
}

struct rd_opts
cli_rd_opts(void)
{
	struct rd_opts o = { 0 };

	o.fmt = cli.in_fmt;
	o.enc = cli.enc;
	o.progress = cli.progress;
	o.canon = fld_canon;
	return o;
}

unsigned
cli_wr_flags(void)
{
	return cli.bom ? WR_BOM : 0;
}
