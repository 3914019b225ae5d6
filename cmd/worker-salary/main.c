/*
 * worker-salary: community-worker pay on the three-post, sixty-level
 * scale (三岗六十级).
 *
 * worker-salary [--ytd file] [--compare old.yaml]
 *     [--summary [--by fields] [--total]] [-j n] [period options]
 *     [-c file] [-o format] [--csv | --tsv] [--encoding enc]
 *     [--sheet name] [--bom]
 *     [--zh] [--reject file] [--strict] [--verbose] [--max-rejected n]
 *     [--progress | --no-progress] [file ...]
 * worker-salary [-c file] --print-config
 * worker-salary -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"

struct opts opt;

enum { OPT_YTD = CLI_FIRST_OWN, OPT_SUMMARY, OPT_BY, OPT_TOTAL, OPT_COMPARE };

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: worker-salary [--ytd file] [--compare old.yaml] "
	      "[--summary]\n"
	      "                     [--by fields] [--total] [-j n] [--from date] "
	      "[--to date]\n"
	      "                     [--month m] [--quarter q] [--year y] "
	      "[-c file] [-o format]\n"
	      "                     [--csv | --tsv] [--encoding enc] "
	      "[--sheet name]\n"
	      "                     [--bom] [--zh]\n"
	      "                     [--reject file] [--strict] [--verbose] "
	      "[--max-rejected n]\n"
	      "                     [--progress | --no-progress] [file ...]\n"
	      "       worker-salary [-c file] --print-config\n"
	      "       worker-salary -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "worker-salary: community-worker pay on the three-post, sixty-level scale\n"
	    "\n"
	    "  worker-salary roster.csv items-2024-01.csv > payslips-2024-01.tsv\n"
	    "  worker-salary --ytd payslips-2024-01.tsv roster.csv items-2024-02.csv\n"
	    "  worker-salary --summary --total --zh -o table roster.csv items.csv\n"
	    "  worker-salary --compare scale-2019.yaml --summary roster.csv items.csv\n"
	    "\n"
	    "Each payslip: base pay by post and level, performance, the\n"
	    "qualification allowance, overtime, deductions and absence; the\n"
	    "contributions (五险一金) on a capped base; income tax by cumulative\n"
	    "withholding; net pay and employer cost.\n"
	    "\n"
	    "  --ytd FILE          the payslips of the previous month: the year so far\n"
	    "  --compare OLD.YAML  per worker the gross under an old scale and now\n"
	    "  --summary           per community and post: headcount, gross, net, cost\n"
	    "                      (with --compare per post: mean gross, old and new)\n"
	    "  --by FIELDS         summary: community, post or community,post\n"
	    "  --total             summary: add the overall row\n"
	    "  -j, --jobs N        threads reading the items and computing the payslips\n"
	    "                      (default: the cores, at most 8)\n"
	    "  --from, --to DATE; --month YYYY-MM; --quarter YYYY-Qn; --year YYYY\n"
	    "                      the months written (the months before still\n"
	    "                      count in the year's tax)\n"
	    "  -o FORMAT  tsv, csv, json, table, md, xlsx;  --zh  Chinese titles\n"
	    "  --csv, --tsv, --encoding ENC, --sheet NAME, --bom, --reject FILE,\n"
	    "  --strict, --verbose, --max-rejected N|P%%, --progress, -c FILE,\n"
	    "  --print-config, -h, -V: see zhili(7)\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See worker-salary(1).\n"));
}

static void
set_by(const char *arg)
{
	if (strcmp(arg, "community") == 0)
		opt.by[BY_POST] = 0;
	else if (strcmp(arg, "post") == 0)
		opt.by[BY_COMMUNITY] = 0;
	else if (strcmp(arg, "community,post") != 0)
		zl_die(ZL_USAGE,
		    _("--by: '%s' is not community, post or community,post"),
		    arg);
}

static int
own_option(int c, const char *arg)
{
	switch (c) {
	case OPT_YTD:
		opt.ytd = arg;
		return 1;
	case OPT_SUMMARY:
		opt.summary = 1;
		return 1;
	case OPT_BY:
		opt.by[0] = opt.by[1] = 1;
		set_by(arg);
		return 1;
	case OPT_TOTAL:
		opt.total = 1;
		return 1;
	case OPT_COMPARE:
		opt.compare = arg;
		return 1;
	case 'j':
		opt.jobs = cli_jobs(arg);
		return 1;
	}
	return 0;
}

static void
options(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_DATE_LONGOPTS,
		{ "ytd", required_argument, NULL, OPT_YTD },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "by", required_argument, NULL, OPT_BY },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "compare", required_argument, NULL, OPT_COMPARE },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c, by = 0;

	opt.by[0] = opt.by[1] = 1;
	while (
	    (c = cli_getopt(argc, argv, CLI_SHORTOPTS "j:", longopts)) != -1) {
		by |= c == OPT_BY;
		if (!own_option(c, optarg) && !cli_option(c, optarg, help))
			usage();
	}
	if ((by || opt.total) && !opt.summary)
		zl_die(ZL_USAGE, _("--%s is for --summary"),
		    by ? "by" : "total");
	if (opt.jobs == 0)
		opt.jobs = rd_jobs();
	if (opt.compare != NULL && opt.summary && !by)
		opt.by[BY_COMMUNITY] = 0; /* per post */
}

int
main(int argc, char **argv)
{
	zl_init("worker-salary");
	options(argc, argv);
	cli_input(opt.ytd); /* read too: no --reject over them */
	cli_input(opt.compare);
	cli_setup(&ws_section, argc - optind, argv + optind);
	conf_load();
	if (opt.compare != NULL)
		compare_load(opt.compare);
	input_read(argc - optind, argv + optind);
	pay_run();
	output_write();
	cli_period_end("month");
	input_close();
	return zl_finish(ZL_OK);
}
