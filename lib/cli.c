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

int
cli_option(int c, const char *arg, void (*help)(void))
{
	static const struct {
		int opt, kind;
		const char *name;
	} dates[] = {
		{ CLI_FROM, PER_FROM, "--from" },
		{ CLI_TO, PER_TO, "--to" },
		{ CLI_MONTH, PER_MONTH, "--month" },
		{ CLI_QUARTER, PER_QUARTER, "--quarter" },
		{ CLI_YEAR, PER_YEAR, "--year" },
	};
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
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		if (c != dates[i].opt)
			continue;
		if (date_period(&cli.period, dates[i].kind, arg) != 0)
			zl_die(ZL_USAGE, _("%s: invalid %s '%s'"),
			    dates[i].name,
			    dates[i].kind == PER_MONTH ?
				_("month (YYYY-MM)") :
				dates[i].kind == PER_QUARTER ?
				_("quarter (YYYY-Qn)") :
				dates[i].kind == PER_YEAR ? _("year (YYYY)") :
							    _("date"),
			    arg);
		cli.has_period = 1;
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
