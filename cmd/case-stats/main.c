/*
 * case-stats: the figures behind the resolution rate.
 *
 * case-stats [-b fields] [-m metrics] [--total] [--sort [-]field] [--top n]
 *     [--as-of time] [--classify[=all]]
 *     [--records | --partial [--exact] | --merge]
 *     [--no-dedupe] [-j n] [--from date] [--to date] [--month m] [--quarter q]
 *     [--year y] [-c file] [-o format] [--csv | --tsv] [--encoding enc]
 * [--sheet name]
 *     [--bom] [--zh] [--reject file] [--strict] [--progress | --no-progress]
 *     [file ...]
 * case-stats [-c file] --print-config
 * case-stats -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/date.h"

struct opts opt = { .dedupe = 1, .top = -1, .as_of = NO_TIME };

enum {
	OPT_TOTAL = CLI_FIRST_OWN,
	OPT_SORT,
	OPT_TOP,
	OPT_AS_OF,
	OPT_CLASSIFY,
	OPT_RECORDS,
	OPT_PARTIAL,
	OPT_MERGE,
	OPT_EXACT,
	OPT_NO_DEDUPE
};

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: case-stats [-b fields] [-m metrics] [--total] "
	      "[--sort [-]field] [--top n]\n"
	      "                  [--as-of time] [--classify[=all]] "
	      "[--records | --partial [--exact] | --merge]\n"
	      "                  [--no-dedupe] [-j n] [--from date] [--to "
	      "date] [--month m] [--quarter q]\n"
	      "                  [--year y] [-c file] [-o format] "
	      "[--csv | --tsv] [--encoding enc] [--sheet name]\n"
	      "                  [--bom] [--zh] [--reject file] "
	      "[--strict] [--verbose] [--max-rejected n]\n"
	      "                  [--progress | --no-progress] "
	      "[file ...]\n"
	      "       case-stats [-c file] --print-config\n"
	      "       case-stats -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "case-stats: the figures behind the resolution rate\n"
	    "\n"
	    "  case-stats --total --by community cases.csv | zhili-cat -o table\n"
	    "  case-stats --month 2024-03 --by category --sort -total --top 5 cases.csv\n"
	    "  case-stats --classify --records cases.csv > clean.tsv\n"
	    "\n"
	    "Counts, resolution rate (办结率), on-time rate (按期办结率), overdue open\n"
	    "cases, hours to close and satisfaction per group of cases.\n"
	    "\n"
	    "  -b, --by FIELDS     group by fields, or month, week, weekday, hour\n"
	    "  -m, --metrics LIST  the columns (default: all eighteen)\n"
	    "  --total             add the overall row\n"
	    "  --sort [-]FIELD     sort by a field or metric (-: descending)\n"
	    "  --top N             only the first N groups\n"
	    "  --as-of TIME        for overdue_open (default: now)\n"
	    "  --classify[=all]    category from the description (empty, 其他 / all)\n"
	    "  --records           the cleaned, de-duplicated case records\n"
	    "  --partial, --merge  mergeable partial results, and their merge\n"
	    "  --exact             with --partial: the durations, for exact percentiles\n"
	    "  --no-dedupe         count every record, even a case seen twice\n"
	    "  -j, --jobs N        threads reading a file (default: the cores, at most 8)\n"
	    "  --from, --to DATE; --month YYYY-MM; --quarter YYYY-Qn; --year YYYY\n"
	    "                      only cases reported in the period\n"
	    "  -o FORMAT  tsv, csv, json, table, md, xlsx;  --zh  Chinese titles\n"
	    "  --csv, --tsv, --encoding ENC, --sheet NAME, --bom, --reject FILE,\n"
	    "  --strict, --verbose, --max-rejected N|P%%, --progress, -c FILE,\n"
	    "  --print-config, -h, -V: see zhili(7)\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See case-stats(1).\n"));
}

static long long
now_in_china(void)
{
	/* China Standard Time is UTC+8, all year */
	return (long long)time(NULL) + 8 * 3600;
}

static void
set_top(const char *arg)
{
	char *end;

	opt.top = strtol(arg, &end, 10);
	if (*end != '\0' || opt.top < 0)
		zl_die(ZL_USAGE, _("--top: not a count '%s'"), arg);
}

static void
set_as_of(const char *arg)
{
	int has_time;

	if (date_parse(arg, strlen(arg), &opt.as_of, &has_time) != 0)
		zl_die(ZL_USAGE, _("--as-of: not a date and time '%s'"), arg);
}

static void
set_classify(const char *arg)
{
	if (arg == NULL)
		opt.classify = CLASSIFY_OTHER;
	else if (strcmp(arg, "all") == 0)
		opt.classify = CLASSIFY_ALL;
	else
		zl_die(ZL_USAGE, _("--classify: '%s' (give nothing or =all)"),
		    arg);
}

/* One of case-stats's own options: 0 when c is none of them.  modes: the
 * MODE_* bits given. */
static int
own_option(int c, const char *arg, unsigned *modes)
{
	switch (c) {
	case 'b':
		opt.by_list = arg;
		break;
	case 'm':
		opt.metrics = arg;
		break;
	case 'j':
		opt.jobs = cli_jobs(arg);
		break;
	case OPT_TOTAL:
		opt.total = 1;
		break;
	case OPT_SORT:
		opt.sort = arg;
		break;
	case OPT_TOP:
		set_top(arg);
		break;
	case OPT_AS_OF:
		set_as_of(arg);
		break;
	case OPT_CLASSIFY:
		set_classify(arg);
		break;
	case OPT_RECORDS:
	case OPT_PARTIAL:
	case OPT_MERGE:
		opt.mode = c == OPT_RECORDS ? MODE_RECORDS :
		    c == OPT_PARTIAL	    ? MODE_PARTIAL :
					      MODE_MERGE;
		*modes |= 1u << opt.mode;
		break;
	case OPT_EXACT:
		opt.exact = 1;
		break;
	case OPT_NO_DEDUPE:
		opt.dedupe = 0;
		break;
	default:
		return 0;
	}
	return 1;
}

static void
options(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_DATE_LONGOPTS,
		{ "by", required_argument, NULL, 'b' },
		{ "metrics", required_argument, NULL, 'm' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "classify", optional_argument, NULL, OPT_CLASSIFY },
		{ "records", no_argument, NULL, OPT_RECORDS },
		{ "partial", no_argument, NULL, OPT_PARTIAL },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "exact", no_argument, NULL, OPT_EXACT },
		{ "no-dedupe", no_argument, NULL, OPT_NO_DEDUPE },
		{ NULL, 0, NULL, 0 },
	};
	unsigned modes = 0;
	int c;

	while ((c = cli_getopt(argc, argv, CLI_SHORTOPTS "b:m:j:", longopts)) !=
	    -1)
		if (!own_option(c, optarg, &modes) &&
		    !cli_option(c, optarg, help))
			usage();
	if ((modes & (modes - 1)) != 0)
		zl_die(ZL_USAGE,
		    _("--records, --partial and --merge exclude "
		      "each other"));
	if (opt.exact && opt.mode != MODE_PARTIAL)
		zl_die(ZL_USAGE,
		    _("--exact goes with --partial (--merge knows exact "
		      "partial results by their fields)"));
	if (opt.as_of == NO_TIME)
		opt.as_of = now_in_china();
	if (opt.jobs == 0)
		opt.jobs = rd_jobs();
}

/*
 * The record loop: each case of the period, classified, grouped (when the
 * strategy wants its group) and handed to the strategy.  The records read
 * (those rejected too).
 */
static size_t
read_cases(struct rd *r, const struct strategy *st)
{
	struct parser p = { .need_due = out_needs_deadline() };
	struct key key;
	struct rec *rec;
	struct kase k;
	size_t n = jobs_read(r, st);
	uint32_t gid = 0;

	if (n != JOBS_NONE)
		return n;
	n = 0;
	key_init(&key);
	while (rd_next(r, &rec)) {
		if (rd_nfields(r) == 0)
			continue;
		n++;
		if (!case_take(&p, rec, &k))
			continue;
		if (st->grouped)
			gid = group_of_case(&key, rec, &k);
		st->add(rec, &k, gid);
	}
	key_free(&key);
	parser_free(&p);
	return n;
}

/* The statistics of the cases of r (or their records). */
static void
count_cases(struct rd *r)
{
	const struct strategy *st;
	size_t n;

	case_fields(r);
	by_setup(r, opt.by_list);
	case_upto(r);
	out_setup();
	if (opt.nby > 64)
		zl_die(ZL_USAGE, _("--by: more than 64 fields"));
	groups_init();
	st = dedupe_choose(r);
	n = read_cases(r, st);
	st->end(r, n);
	acc_finish();
	jobs_end();
	groups_seal();
	if (n == 0)
		rd_say_empty(r);
	else
		cli_period_end("reported_at");
	status_advice();
	rd_close(r);
	rej_figures();
	if (opt.mode == MODE_PARTIAL)
		write_partial(cli.out_fmt, cli_wr_flags());
	else if (opt.mode == MODE_STATS)
		out_stats(cli.out_fmt, cli_wr_flags());
}

int
main(int argc, char **argv)
{
	struct rd_opts ro;
	struct rd *r;

	zl_init("case-stats");
	options(argc, argv);
	cli_setup(&case_stats_section, argc - optind, argv + optind);
	conf_load();
	ro = cli_rd_opts();
	ro.by_pos = dedupe_by_pos();
	if (opt.mode != MODE_MERGE)
		ro.need = case_need; /* the header under title rows */
	/* partial results are case-stats's own output: UTF-8 */
	if (opt.mode == MODE_MERGE && ro.enc == ENC_AUTO)
		ro.enc = ENC_UTF8;
	r = rd_open(argc - optind, argv + optind, &ro);
	if (opt.mode == MODE_MERGE)
		merge_run(r);
	else
		count_cases(r);
	return zl_finish(ZL_OK);
}
