/*
 * hello: a greeting for each resident, from a sheet of names.  Not a
 * program of the toolkit: the smallest program built on lib/ as every
 * program is, to show (and test: the golden tests here) that a new program is a
 * folder and a Makefile line.  It declares its own fields and its own
 * configuration section; nothing under lib/ knows it.
 *
 * hello [-c file] [-o format] [--csv | --tsv] [--encoding enc] [--bom]
 *     [--zh] [--reject file] [--strict] [file ...]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/cli.h"
#include "lib/fld.h"
#include "lib/rej.h"
#include "lib/utf8.h"

/* Its fields: what it reads and what it writes. */
static const struct fld hello_fields[] = {
	{ "resident", "居民", "姓名|名字", 0 },
	{ "greeting", "问候", "", 0 },
	{ "letters", "字数", "", 1 },
	{ NULL, NULL, NULL, 0 },
};
FLD_DECLARE(hello_fields)

/* Its section of the configuration: hello: {greeting: ...}. */
static const char *const hello_keys[] = { "greeting", NULL };
static const struct cfg_section hello_section = { "hello", hello_keys, NULL };

/* How many characters s holds. */
static size_t
letters(struct str s)
{
	size_t i = 0, n = 0, k;
	unsigned cp;

	for (; i<s.n; i += k> 0 ? k : 1, n++)
		k = u8_decode(s.p + i, s.n - i, &cp);
	return n;
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: hello [-c file] [-o format] [--csv | --tsv] "
	    "[--encoding enc] [--bom]\n"
	    "             [--zh] [--reject file] [--strict] "
	    "[file ...]\n");
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf("hello: a greeting for each resident\n"
	       "\n"
	       "  hello names.csv | zhili-cat -o table\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = { CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 } };
	static const char *const cols[] = { "resident", "greeting", "letters" };
	static const char *const need[] = { "resident", NULL };
	struct rd_opts ro;
	struct rd *r;
	struct wr *w;
	struct rec *rec;
	struct str names[3], f[3];
	unsigned char types[3];
	const char *greeting;
	long col;
	int c;

	zl_init("hello");
	while ((c = cli_getopt(argc, argv, CLI_SHORTOPTS, longopts)) != -1)
		if (!cli_option(c, optarg, help))
			usage();
	cli_setup(&hello_section, argc - optind, argv + optind);
	greeting = cfg_str(cfg_root(), "hello.greeting", "你好，");
	ro = cli_rd_opts();
	ro.need = need; /* (its header may have title rows above it) */
	r = rd_open(argc - optind, argv + optind, &ro);
	col = rd_nfields(r) > 0 ? fld_need(r, "resident") : -1;
	fld_header(cols, 3, cli.zh, names, types);
	w = wr_open(cli.out_fmt, 3, names, types, cli_wr_flags());
	while (rd_next(r, &rec)) {
		struct buf g = { 0 }, n = { 0 };

		f[0] = str_trim(rec->f[col]);
		if (f[0].n == 0) {
			rec_reject(rec, "field 'resident': empty");
			continue;
		}
		buf_printf(&g, "%s%.*s", greeting, (int)f[0].n, f[0].p);
		buf_printf(&n, "%zu", letters(f[0]));
		f[1] = (struct str) { g.p, g.n };
		f[2] = (struct str) { n.p, n.n };
		wr_rec(w, f);
		buf_free(&g);
		buf_free(&n);
	}
	wr_close(w);
	rd_close(r);
	return zl_finish(ZL_OK);
}
