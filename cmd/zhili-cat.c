/*
 * zhili-cat: convert and view zhili records.
 *
 * zhili-cat [-c file] [-f fields] [-o format] [--csv | --tsv]
 *     [--encoding enc] [--sheet name] [--bom] [--zh]
 *     [--reject file] [--strict]
 *     [--progress | --no-progress] [file ...]
 * zhili-cat [-c file] --print-config
 * zhili-cat -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/cli.h"
#include "lib/fld.h"

static struct {
	const char *fields; /* -f: names or aliases, comma-separated */
} opt;

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: zhili-cat [-c file] [-f fields] [-o format] "
	      "[--csv | --tsv]\n"
	      "                 [--encoding enc] [--sheet name] [--bom] [--zh]\n"
	      "                 [--reject file] [--strict]\n"
	      "                 [--verbose] [--max-rejected n] "
	      "[--progress | --no-progress]\n"
	      "                 [file ...]\n"
	      "       zhili-cat [-c file] --print-config\n"
	      "       zhili-cat -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "zhili-cat: convert and view zhili records\n"
	    "\n"
	    "  zhili-cat --encoding gbk export.csv > clean.tsv\n"
	    "  case-stats --by community cases.tsv | zhili-cat -o table\n"
	    "  zhili-cat -o csv --bom -f case_id,status result.tsv > for-excel.csv\n"
	    "  zhili-cat -o xlsx export.csv > export.xlsx\n"
	    "\n"
	    "Reads TSV or CSV (UTF-8, GBK/GB18030 or UTF-16) from the files or\n"
	    "standard input and writes the records in another format.\n"
	    "\n"
	    "  -f FIELDS         pick and order fields (names or aliases, a,b,c)\n"
	    "  -o FORMAT         tsv (default), csv, json, table, md or xlsx\n"
	    "  --csv, --tsv      the input format (default: from the header)\n"
	    "  --encoding ENC    utf-8, gbk, gb18030 (default: detected)\n"
	    "  --bom             start the output with a UTF-8 BOM (for Excel)\n"
	    "  --zh              Chinese column titles\n"
	    "  --reject FILE     keep rejected records, with an _error field\n"
	    "  --strict          stop at the first rejected record\n"
	    "  --verbose         report every rejected record, not 10 a "
	    "reason\n"
	    "  --progress        progress on stderr (--no-progress: none)\n"
	    "  -c FILE           configuration (default: built in, $ZHILI_CONFIG)\n"
	    "  --print-config    print the configuration and exit\n"
	    "  -h, --help        this help;  -V, --version  the version\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See zhili-cat(1) and zhili(7).\n"));
}

/*
 * The fields the header names (rd_opts.need), for title rows above it:
 * those -f picks, else any two the programs know.
 */
static const char *const *
need(const char *list)
{
	static const char *const two[] = { "*", "*", NULL };
	static const char **v; /* (kept for the run) */
	char *copy, *p, *save = NULL;
	size_t n = 0;

	if (list == NULL)
		return two;
	copy = xstrdup(list);
	v = xcalloc(strlen(list) + 2, sizeof *v);
	for (p = strtok_r(copy, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		struct str name = str_trim(str_c(p));
		const char *canon = fld_canon(name, NULL);

		v[n++] = canon != NULL ? canon : xstrndup(name.p, name.n);
	}
	free(copy);
	return n > 0 ? v : two;
}

/* Resolve -f against the header: the columns to write, in order. */
static size_t
pick(struct rd *r, const char *list, long **cols)
{
	char *copy = xstrdup(list), *p, *save = NULL;
	size_t n = 0;

	*cols = xcalloc(strlen(list) + 1, sizeof **cols);
	for (p = strtok_r(copy, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		struct str name = str_trim(str_c(p));
		const char *canon = fld_canon(name, NULL);
		long c = canon != NULL ? fld_col(r, canon) : -1;

		if (c < 0) {
			char *want = xstrndup(name.p, name.n);

			c = rd_find(r, want);
			if (c < 0) {
				struct buf have = { 0 };
				const struct str *names = rd_names(r);
				size_t i;

				for (i = 0; i < rd_nfields(r); i++)
					buf_printf(&have, "%s%.*s",
					    i ? ", " : "", (int)names[i].n,
					    names[i].p);
				zl_die_at(ZL_USAGE, rd_first_file(r), 1,
				    _("-f: no field '%s' (fields: %s)"), want,
				    have.p ? have.p : "");
			}
			free(want);
		}
		(*cols)[n++] = c;
	}
	free(copy);
	if (n == 0)
		zl_die(ZL_USAGE, _("-f: no fields named"));
	return n;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		{ "fields", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct rd_opts ro;
	struct rd *r;
	struct wr *w;
	struct rec *rec;
	struct str *names, *out = NULL;
	unsigned char *types;
	long *cols = NULL;
	size_t nf, i;
	int c;

	zl_init("zhili-cat");
	while (
	    (c = cli_getopt(argc, argv, CLI_SHORTOPTS "f:", longopts)) != -1) {
		if (c == 'f')
			opt.fields = optarg;
		else if (!cli_option(c, optarg, help))
			usage();
	}
	cli_setup(NULL, argc - optind, argv + optind);
	ro = cli_rd_opts();
	ro.need = need(opt.fields);
	r = rd_open(argc - optind, argv + optind, &ro);
	nf = rd_nfields(r);
	if (opt.fields != NULL && nf > 0) {
		nf = pick(r, opt.fields, &cols);
		out = xcalloc(nf, sizeof *out);
	}
	names = xcalloc(nf + 1, sizeof *names);
	types = xcalloc(nf + 1, 1);
	for (i = 0; i < nf; i++) {
		/* known fields under their canonical name (or title) */
		struct str n = rd_names(r)[cols ? (size_t)cols[i] : i];
		const char *canon = fld_canon(n, NULL);

		if (canon != NULL)
			n = str_c(cli.zh ? fld_zh(canon) : canon);
		names[i] = n;
		/* xlsx: numbers in the fields known to be numbers only */
		if (cli.out_fmt == FMT_XLSX && canon != NULL && fld_num(canon))
			types[i] = COL_NUM;
		else
			types[i] = COL_AUTO;
	}
	w = wr_open(cli.out_fmt, nf, names, types, cli_wr_flags());
	while (rd_next(r, &rec)) {
		if (cols == NULL) {
			wr_rec_from(w, rec);
			continue;
		}
		for (i = 0; i < nf; i++)
			out[i] = rec->f[cols[i]];
		wr_rec(w, out);
	}
	wr_close(w);
	rd_close(r);
	free(names);
	free(types);
	free(out);
	free(cols);
	return zl_finish(ZL_OK);
}
