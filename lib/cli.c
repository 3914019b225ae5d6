/* cli: the shared command-line options (DESIGN.md section 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/cal.h"
#include "lib/cli.h"
#include "lib/fld.h"
#include "lib/out.h"
#include "lib/rej.h"
#include "lib/rx.h"
#include "lib/utf8.h"

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
		{ "xlsx", FMT_XLSX },
	};
	size_t i;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
		if (strcasecmp(s, fmts[i].name) == 0)
			return fmts[i].fmt;
	zl_die(ZL_USAGE,
	    _("unknown output format '%s' (tsv, csv, json, "
	      "table, md or xlsx)"),
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
	{ CLI_VERBOSE, &cli.verbose, 1 },
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

/* The records in the period and outside it (cli_in_period): the
 * thread's. */
static _Thread_local struct cli_seen seen;

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
cli_seen_take(struct cli_seen *s)
{
	*s = seen;
	memset(&seen, 0, sizeof seen);
}

void
cli_seen_add(struct cli_seen *to, const struct cli_seen *s)
{
	if (to == NULL)
		to = &seen;
	if (s->out > 0 && (to->out == 0 || s->first < to->first))
		to->first = s->first;
	if (s->out > 0 && (to->out == 0 || s->last > to->last))
		to->last = s->last;
	to->in += s->in;
	to->out += s->out;
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
	if (strcmp(field, "month") == 0) /* a month's first day: the month */
		first[7] = last[7] = '\0';
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
cli_jobs(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*end != '\0' || end == arg || n < 1 || n > 64)
		zl_die(ZL_USAGE,
		    _("-j: '%s' is not a number of threads from 1 to 64"), arg);
	return (int)n;
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
		exit(zl_finish(ZL_OK));
	case CLI_ENCODING:
		cli.enc = parse_enc(arg);
		return 1;
	case CLI_REJECT:
		cli.reject = arg;
		return 1;
	case CLI_SHEET:
		cli.sheet = arg;
		return 1;
	case CLI_MAX_REJECTED:
		if (rej_limit_parse(arg, &(struct rej_limit) { 0 }) != 0)
			zl_die(ZL_USAGE,
			    _("--max-rejected: '%s' is not a count of "
			      "records (10) or a share (1%%, 0.5%%)"),
			    arg);
		cli.max_rejected = arg;
		return 1;
	}
	for (k = 0; k < PER_N; k++)
		if (c == dates[k].opt) {
			period_option(k, arg);
			return 1;
		}
	return 0;
}

/* max-rejected: --max-rejected, else the configuration's, else 1%. */
static void
set_limit(const void *unused)
{
	const char *k = "records.max-rejected";
	const struct cfg *c = cfg_at(cfg_root(), k);
	struct rej_limit l;

	(void)unused;
	if (cli.max_rejected != NULL)
		rej_limit_parse(cli.max_rejected, &l);
	else if (c == NULL || cfg_is_null(c))
		return;
	else if (rej_limit_parse(cfg_str(cfg_root(), k, ""), &l) != 0)
		cfg_error(c,
		    _("max-rejected: expected a count of records (10) or a "
		      "share (1%%, 0.5%%)"));
	rej_limit_set(&l);
}

static void
aliases(const void *unused)
{
	(void)unused;
	fld_setup();
}

static void
regex(const void *unused)
{
	(void)unused;
	rx_config();
}

/* The calendar and the office hours, read as the programs read them. */
static void
calendar(const void *unused)
{
	(void)unused;
	cal_free(cal_new(NULL));
}

/*
 * Load the configuration and check every section, as --print-config
 * does (which sees every error, see cfg_check_begin) and as every run
 * does (which stops at the first): so a file one accepts the other does.
 */
size_t
cli_config(void)
{
	if (cli.print_config)
		cfg_check_begin();
	cfg_setup(cli.config);
	cfg_try(aliases, NULL);
	cfg_try(set_limit, NULL);
	cfg_try(regex, NULL);
	cfg_try(calendar, NULL);
	cfg_check_sections();
	return cli.print_config ? cfg_check_end() : 0;
}

/* The files a program reads besides its inputs (cli_input). */
static const char *others[8];
static size_t nothers;

void
cli_input(const char *path)
{
	if (path != NULL && nothers < sizeof others / sizeof *others)
		others[nothers++] = path;
}

/*
 * The --reject file is none of the inputs, nor a file the program reads
 * besides them: the configuration (-c, $ZHILI_CONFIG) and those of
 * cli_input (exit 2).
 */
static void
check_others(int nin, char *const *in)
{
	const char *env = getenv("ZHILI_CONFIG");
	size_t i;

	rej_check(cli.reject, nin, in);
	cli_input(cli.config != NULL	    ? cli.config :
		env != NULL && *env != '\0' ? env :
					      NULL);
	for (i = 0; i < nothers; i++)
		rej_check(cli.reject, 1, (char *const *)&others[i]);
}

/* -o csv --zh into a file without --bom: Excel would garble the titles. */
static void
warn_bom(void)
{
	struct stat st;

	if (cli.out_fmt == FMT_CSV && cli.zh && !cli.bom &&
	    fstat(1, &st) == 0 && S_ISREG(st.st_mode))
		zl_warn(_("-o csv --zh without --bom: Excel will show the "
			  "Chinese titles garbled (add --bom)"));
}

void
cli_setup(const struct cfg_section *own, int nin, char *const *in)
{
	size_t n;

	if (own != NULL)
		cfg_declare(own);
	if ((n = cli_config()) > 0)
		zl_die(ZL_USAGE,
		    ngettext("%zu error in the configuration",
			"%zu errors in the configuration", n),
		    n);
	if (cli.print_config) {
		struct buf b = { 0 };

		cfg_print(&b, cfg_root());
		out_write(b.p, b.n);
		buf_free(&b);
		exit(zl_finish(ZL_OK));
	}
	warn_bom();
	wr_refuse_terminal(cli.out_fmt);
	if (cli.reject != NULL) {
		check_others(nin, in);
		rej_bom(cli.bom);
		rej_open(cli.reject);
	}
	rej_strict(cli.strict);
	rej_verbose(cli.verbose);
}

struct rd_opts
cli_rd_opts(void)
{
	struct rd_opts o = { 0 };

	o.fmt = cli.in_fmt;
	o.enc = cli.enc;
	o.progress = cli.progress;
	o.sheet = cli.sheet;
	o.canon = fld_canon;
	return o;
}

unsigned
cli_wr_flags(void)
{
	return cli.bom ? WR_BOM : 0;
}

/* The long options whose names begin with the n bytes of name, in b. */
static int
long_matches(struct buf *b, const char *name, size_t n, const struct option *lo)
{
	int k = 0;

	for (; lo->name != NULL; lo++)
		if (strncmp(lo->name, name, n) == 0) {
			buf_printf(b, "%s'--%s'", k++ ? ", " : "", lo->name);
			if (lo->name[n] == '\0')
				return -1; /* the whole name */
		}
	return k;
}

/* The message for a long option getopt_long did not take (arg: "--x"). */
static void
bad_long(const char *arg, const struct option *lo)
{
	const char *name = arg + 2, *near;
	size_t n = strcspn(name, "=");
	const char *names[128];
	struct buf b = { 0 }, w = { 0 };
	int k = long_matches(&b, name, n, lo), i;

	buf_add(&w, name, n);
	if (k < 0 && name[n] == '=')
		zl_warn(_("option '--%s' doesn't allow an argument"), w.p);
	else if (k < 0)
		zl_warn(_("option '--%s' requires an argument"), w.p);
	else if (k > 1)
		zl_warn(_("option '--%s' is ambiguous: %s"), w.p, b.p);
	else {
		for (i = 0; lo[i].name != NULL && i < 127; i++)
			names[i] = lo[i].name;
		names[i] = NULL;
		if ((near = u8_nearest(w.p, names)) != NULL)
			zl_warn(_("unknown option '--%s' (did you mean "
				  "'--%s'?)"),
			    w.p, near);
		else
			zl_warn(_("unknown option '--%s'"), w.p);
	}
	buf_free(&b);
	buf_free(&w);
}

int
cli_getopt(int argc, char *const *argv, const char *shortopts,
    const struct option *longopts)
{
	int c, at = optind;

	opterr = 0;
	c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c != '?')
		return c;
	/* optind has moved past a long option, not always past a short one */
	if (optind > at && optind - 1 < argc &&
	    strncmp(argv[optind - 1], "--", 2) == 0 && argv[optind - 1][2])
		bad_long(argv[optind - 1], longopts);
	else if (optopt != 0 && strchr(shortopts, optopt) != NULL)
		zl_warn(_("option requires an argument -- '%c'"), optopt);
	else
		zl_warn(_("invalid option -- '%c'"), optopt);
	return c;
}

/* ---- values under --zh ---- */

static const struct cli_term shared_terms[] = {
	{ "total", "合计" },
	{ "yes", "是" },
	{ "no", "否" },
	{ NULL, NULL },
};
static const struct cli_term *term_tables[16] = { shared_terms };
static size_t nterm_tables = 1;

void
cli_terms(const struct cli_term *table)
{
	if (nterm_tables == sizeof term_tables / sizeof term_tables[0])
		abort();
	term_tables[nterm_tables++] = table;
}

const char *
cli_term(const char *en)
{
	const struct cli_term *t;
	size_t i;

	if (!cli.zh)
		return en;
	for (i = 0; i < nterm_tables; i++)
		for (t = term_tables[i]; t->en != NULL; t++)
			if (strcmp(t->en, en) == 0)
				return t->zh;
	return en;
}

const char *
cli_text(const char *en)
{
	return cli.zh ? cli_term(en) : _(en);
}
