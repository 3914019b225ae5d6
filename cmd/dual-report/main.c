/*
 * dual-report: in-service party members reporting to their communities
 * (双报到): registration and participation per work unit or community,
 * and the feedback sheet each unit receives (反馈单).
 *
 * dual-report [--report units | communities | members] [--by street | month]
 *     [--total] [--mask] [--unit name] [--from date] [--to date]
 *     [--month m] [--quarter q] [--year y] [-c file] [-o format]
 *     [--csv | --tsv] [--encoding enc] [--sheet name] [--bom] [--zh] [--reject
 * file]
 *     [--strict] [--max-rejected n] [-j n] [file ...]
 * dual-report [-c file] --print-config
 * dual-report -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"
#include "lib/utf8.h"

struct opts opt = { .report = R_UNITS };

enum { OPT_REPORT = CLI_FIRST_OWN, OPT_BY, OPT_TOTAL, OPT_MASK, OPT_UNIT };

static const char *const reports[] = { "units", "communities", "members",
	NULL };

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: dual-report [--report units | communities | members]\n"
	      "                   [--by street | month] [--total] [--mask] "
	      "[--unit name]\n"
	      "                   [--from date] [--to date] [--month m] "
	      "[--quarter q] [--year y]\n"
	      "                   [-c file] [-o format] [--csv | --tsv] "
	      "[--encoding enc] [--sheet name] [--bom]\n"
	      "                   [--zh] [--reject file] [--strict] "
	      "[--verbose] [--max-rejected n]\n"
	      "                   [--progress | --no-progress] [-j n] "
	      "[file ...]\n"
	      "       dual-report [-c file] --print-config\n"
	      "       dual-report -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "dual-report: in-service party members reporting to their communities (双报到)\n"
	    "\n"
	    "  dual-report --quarter 2025-Q1 --total members.csv units.csv activities.csv\n"
	    "  dual-report --report communities --by street --zh -o table --year 2025 *.csv\n"
	    "  dual-report --report members --unit 区教育局 --mask --bom -o csv *.csv > sheet.csv\n"
	    "\n"
	    "Per work unit its members, registered (报到), the overdue, the active\n"
	    "(at least 2 activities a quarter, scaled to the period), activities,\n"
	    "hours and problems solved; per community the same from its side; per\n"
	    "member the feedback sheet (反馈单) with whether the minimum was met.\n"
	    "Files of members, units and activities in any order, told by their fields.\n"
	    "\n"
	    "  --report NAME       units (default), communities, members\n"
	    "  --by month          units, communities: a row per group and month\n"
	    "  --by street         communities: a row per street\n"
	    "  --total             units, communities: add the total row\n"
	    "  --unit NAME         members: only this work unit's\n"
	    "  --mask              members: phone numbers masked (138****5678)\n"
	    "  -j, --jobs N        threads reading the members and activities files\n"
	    "                      (default: the cores, at most 8)\n"
	    "  --from, --to DATE; --month YYYY-MM; --quarter YYYY-Qn; --year YYYY\n"
	    "                      the period (default: the activities' first to last day)\n"
	    "  -o FORMAT  tsv, csv, json, table, md, xlsx;  --zh  Chinese titles\n"
	    "  --csv, --tsv, --encoding ENC, --sheet NAME, --bom, --reject FILE,\n"
	    "  --strict, --verbose, --max-rejected N|P%%, --progress, -c FILE,\n"
	    "  --print-config, -h, -V: see zhili(7)\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See dual-report(1).\n"));
}

/* The arguments given to --report, --by (NULL: none yet). */
static const char *report_arg, *by_arg;

/*
 * An option of a choice given again (was: its argument before): with
 * another value, a usage error, as a date option given twice with another
 * period (zhili(7)); the same value counts once.
 */
static void
once(const char *name, const char *was, const char *arg, const char *why)
{
	if (was != NULL && strcmp(was, arg) != 0)
		zl_die(ZL_USAGE,
		    _("%s given twice ('%s', '%s'): give it once%s"), name, was,
		    arg, why);
}

static void
set_report(const char *arg)
{
	const char *near;
	int i;

	for (i = 0; reports[i] != NULL; i++)
		if (strcmp(arg, reports[i]) == 0) {
			once("--report", report_arg, arg, "");
			report_arg = reports[i];
			opt.report = i;
			return;
		}
	if ((near = u8_nearest(arg, reports)) != NULL)
		zl_die(ZL_USAGE,
		    _("--report: no report '%s' (did you mean '%s'?)"), arg,
		    near);
	zl_die(ZL_USAGE,
	    _("--report: no report '%s' (units, communities, members)"), arg);
}

static int
own_option(int c, const char *arg)
{
	switch (c) {
	case 'j':
		opt.jobs = cli_jobs(arg);
		return 1;
	case OPT_REPORT:
		set_report(arg);
		return 1;
	case OPT_BY:
		if (strcmp(arg, "month") == 0)
			opt.by = BY_MONTH;
		else if (strcmp(arg, "street") == 0)
			opt.by = BY_STREET;
		else
			zl_die(ZL_USAGE,
			    _("--by: '%s' is neither street nor month"), arg);
		once("--by", by_arg, arg,
		    _(" (rows by street or by month, not both)"));
		by_arg = arg;
		return 1;
	case OPT_TOTAL:
		opt.total = 1;
		return 1;
	case OPT_MASK:
		opt.mask = 1;
		return 1;
	case OPT_UNIT:
		once("--unit", opt.unit, arg,
		    _(" (the sheet of one unit; run again for another)"));
		opt.unit = arg;
		return 1;
	}
	return 0;
}

/* An option given to a report it does not apply to: exit 2. */
static void
check_options(void)
{
	const char *r = reports[opt.report];

	if (opt.by == BY_STREET && opt.report != R_COMMUNITIES)
		zl_die(ZL_USAGE,
		    _("--by street is for the communities report "
		      "(--report communities), not %s"),
		    r);
	if (opt.by == BY_MONTH && opt.report == R_MEMBERS)
		zl_die(ZL_USAGE,
		    _("--by month is for the units and communities reports, "
		      "not members"));
	if (opt.total && opt.report == R_MEMBERS)
		zl_die(ZL_USAGE,
		    _("--total is for the units and communities reports, not "
		      "members"));
	if (opt.unit != NULL && opt.report != R_MEMBERS)
		zl_die(ZL_USAGE,
		    _("--unit is for the members report (--report "
		      "members), not %s"),
		    r);
	if (opt.mask && opt.report != R_MEMBERS)
		zl_die(ZL_USAGE,
		    _("--mask is for the members report (--report "
		      "members: its phone column), not %s"),
		    r);
}

static void
options(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_DATE_LONGOPTS,
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "by", required_argument, NULL, OPT_BY },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "mask", no_argument, NULL, OPT_MASK },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = cli_getopt(argc, argv, CLI_SHORTOPTS "j:", longopts)) != -1)
		if (!own_option(c, optarg) && !cli_option(c, optarg, help))
			usage();
	check_options();
	if (opt.jobs == 0)
		opt.jobs = rd_jobs();
}

int
main(int argc, char **argv)
{
	zl_init("dual-report");
	options(argc, argv);
	cli_setup(&dr_section, argc - optind, argv + optind);
	conf_load();
	input_read(argc - optind, argv + optind);
	report_write();
	input_close();
	return zl_finish(ZL_OK);
}
