/*
 * zhili-cat: convert and view zhili records.
 *
 * zhili-cat [-c file] [-f fields] [-o format] [--csv | --tsv]
 *     [--encoding enc] [--sheet name] [--bom] [--zh]
 *     [--reject file] [--strict]
 *     [--progress | --no-progress]
 *     [--partition field --parts n --prefix p] [file ...]
 * zhili-cat [-c file] --print-config
 * zhili-cat -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/zhili-cat/partition.h"
#include "lib/cli.h"
#include "lib/fld.h"

static struct {
	const char *fields;    /* -f: names or aliases, comma-separated */
	const char *partition; /* --partition: the field */
	long parts;	       /* --parts (0: not given) */
	const char *prefix;    /* --prefix */
} opt;

enum { OPT_PARTITION = CLI_FIRST_OWN, OPT_PARTS, OPT_PREFIX };

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
	      "                 [--partition field --parts n --prefix p] "
	      "[file ...]\n"
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
	    "  --sheet NAME      the sheet of a workbook (default: the first)\n"
	    "  --bom             start the output with a UTF-8 BOM (for Excel)\n"
	    "  --zh              Chinese column titles\n"
	    "  --reject FILE     keep rejected records, with an _error field\n"
	    "  --strict          stop at the first rejected record\n"
	    "  --verbose         report every rejected record, not 10 a "
	    "reason\n"
	    "  --progress        progress on stderr (--no-progress: none)\n"
	    "  --partition FIELD --parts N --prefix P\n"
	    "                    write N files P00.tsv ... instead: each record\n"
	    "                    into the part its FIELD's hash picks\n"
	    "  -c FILE           configuration (default: built in, $ZHILI_CONFIG)\n"
	    "  --print-config    print the configuration and exit\n"
	    "  -h, --help        this help;  -V, --version  the version\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See zhili-cat(1) and zhili(7).\n"));
}

/* The canonical name of a field given, or the name itself. */
static const char *
need_name(const char *s)
{
	struct str name = str_trim(str_c(s));
	const char *canon = fld_canon(name, NULL);

	return canon != NULL ? canon : xstrndup(name.p, name.n);
}

/*
 * The fields the header names (rd_opts.need), for title rows above it:
 * those -f picks and the --partition field (also NULL), else any two the
 * programs know.
 */
static const char *const *
need(const char *list, const char *also)
{
	static const char *const two[] = { "*", "*", NULL };
	static const char **v; /* (kept for the run) */
	char *copy, *p, *save = NULL;
	size_t n = 0;

	if (list == NULL && also == NULL)
		return two;
	v = xcalloc((list ? strlen(list) : 0) + 3, sizeof *v);
	if (also != NULL)
		v[n++] = need_name(also);
	if (list == NULL)
		return v;
	copy = xstrdup(list);
	for (p = strtok_r(copy, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save))
		v[n++] = need_name(p);
	free(copy);
	return n > 0 ? v : two;
}

/* The column of the field name (or alias), for option what: exit 2 with
 * the header's fields when there is none. */
static long
field_col(struct rd *r, struct str name, const char *what)
{
	const char *canon = fld_canon(name, NULL);
	long c = canon != NULL ? fld_col(r, canon) : -1;
	char *want;

	if (c >= 0)
		return c;
	want = xstrndup(name.p, name.n);
	if ((c = rd_find(r, want)) < 0) {
		struct buf have = { 0 };
		const struct str *names = rd_names(r);
		size_t i;

		for (i = 0; i < rd_nfields(r); i++)
			buf_printf(&have, "%s%.*s", i ? ", " : "",
			    (int)names[i].n, names[i].p);
		zl_die_at(ZL_USAGE, rd_first_file(r), 1,
		    _("%s: no field '%s' (fields: %s)"), what, want,
		    have.p ? have.p : "");
	}
	free(want);
	return c;
}

/* Resolve -f against the header: the columns to write, in order. */
static size_t
pick(struct rd *r, const char *list, long **cols)
{
	char *copy = xstrdup(list), *p, *save = NULL;
	size_t n = 0;

	*cols = xcalloc(strlen(list) + 1, sizeof **cols);
	for (p = strtok_r(copy, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save))
		(*cols)[n++] = field_col(r, str_trim(str_c(p)), "-f");
	free(copy);
	if (n == 0)
		zl_die(ZL_USAGE, _("-f: no fields named"));
	return n;
}

/* Is the --parts argument a number of parts? */
static long
parts_arg(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg < '0' || *arg > '9' || *end != '\0' || n < 1 || n > PARTS_MAX)
		zl_die(ZL_USAGE, _("--parts: not a number from 1 to %d '%s'"),
		    PARTS_MAX, arg);
	return n;
}

/* zhili-cat's own options (0: c is none of them). */
static int
own_option(int c, const char *arg)
{
	if (c == 'f')
		opt.fields = arg;
	else if (c == OPT_PARTITION)
		opt.partition = arg;
	else if (c == OPT_PARTS)
		opt.parts = parts_arg(arg);
	else if (c == OPT_PREFIX)
		opt.prefix = arg;
	else
		return 0;
	return 1;
}

/* --partition, --parts and --prefix go together, to files for programs. */
static void
check_partition(void)
{
	if (opt.partition == NULL) {
		if (opt.parts != 0 || opt.prefix != NULL)
			zl_die(ZL_USAGE,
			    _("--parts and --prefix go with --partition"));
		return;
	}
	if (opt.parts == 0 || opt.prefix == NULL || *opt.prefix == '\0')
		zl_die(ZL_USAGE,
		    _("--partition needs --parts N and --prefix P"));
	if (cli.out_fmt != FMT_TSV && cli.out_fmt != FMT_CSV &&
	    cli.out_fmt != FMT_JSON)
		zl_die(ZL_USAGE,
		    _("--partition: -o tsv, csv or json (the parts are for "
		      "programs to read)"));
}

/* The header written: the fields known under their canonical names (or
 * titles), and their types (xlsx: numbers in the fields known to be
 * numbers only). */
static struct str *
out_names(struct rd *r, const long *cols, size_t nf, unsigned char **types)
{
	struct str *names = xcalloc(nf + 1, sizeof *names);
	size_t i;

	*types = xcalloc(nf + 1, 1);
	for (i = 0; i < nf; i++) {
		struct str n = rd_names(r)[cols ? (size_t)cols[i] : i];
		const char *canon = fld_canon(n, NULL);

		if (canon != NULL)
			n = str_c(cli.zh ? fld_zh(canon) : canon);
		names[i] = n;
		if (cli.out_fmt == FMT_XLSX && canon != NULL && fld_num(canon))
			(*types)[i] = COL_NUM;
		else
			(*types)[i] = COL_AUTO;
	}
	return names;
}

/* The records to standard output. */
static void
copy(struct rd *r, const long *cols, size_t nf, const struct str *names,
    const unsigned char *types)
{
	struct wr *w = wr_open(cli.out_fmt, nf, names, types, cli_wr_flags());
	struct str *out = xcalloc(nf + 1, sizeof *out);
	struct rec *rec;
	size_t i;

	if (cols == NULL) /* (a loop of its own: the common case) */
		while (rd_next(r, &rec))
			wr_rec_from(w, rec);
	else
		while (rd_next(r, &rec)) {
			for (i = 0; i < nf; i++)
				out[i] = rec->f[cols[i]];
			wr_rec(w, out);
		}
	wr_close(w);
	free(out);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		{ "fields", required_argument, NULL, 'f' },
		{ "partition", required_argument, NULL, OPT_PARTITION },
		{ "parts", required_argument, NULL, OPT_PARTS },
		{ "prefix", required_argument, NULL, OPT_PREFIX },
		{ NULL, 0, NULL, 0 },
	};
	struct partition pt = { -1, 0, NULL };
	struct rd_opts ro;
	struct rd *r;
	struct str *names;
	unsigned char *types;
	long *cols = NULL;
	size_t nf;
	int c, nin;

	zl_init("zhili-cat");
	while ((c = cli_getopt(argc, argv, CLI_SHORTOPTS "f:", longopts)) != -1)
		if (!own_option(c, optarg) && !cli_option(c, optarg, help))
			usage();
	check_partition();
	nin = argc - optind;
	cli_setup(NULL, nin, argv + optind);
	ro = cli_rd_opts();
	ro.need = need(opt.fields, opt.partition);
	r = rd_open(nin, argv + optind, &ro);
	nf = rd_nfields(r);
	if (opt.fields != NULL && nf > 0)
		nf = pick(r, opt.fields, &cols);
	names = out_names(r, cols, nf, &types);
	if (opt.partition != NULL) {
		if (rd_nfields(r) > 0)
			pt.col = field_col(r, str_trim(str_c(opt.partition)),
			    "--partition");
		pt.n = (size_t)opt.parts;
		pt.prefix = opt.prefix;
		partition_run(r, &pt, cols, nf, names, types, nin,
		    argv + optind);
	} else
		copy(r, cols, nf, names, types);
	rd_close(r);
	free(names);
	free(types);
	free(cols);
	return zl_finish(ZL_OK);
}
