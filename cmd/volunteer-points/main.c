/*
 * volunteer-points: the volunteer points ledger (志愿服务积分制).
 *
 * volunteer-points [--report name] [--as-of date] [--volunteer id]
 *     [--top n] [--by hours | points] [--total] [--from date] [--to date]
 *     [--month m] [--quarter q] [--year y] [-c file] [-o format]
 *     [--csv | --tsv] [--encoding enc] [--sheet name] [--bom] [--zh] [--reject
 * file]
 *     [--strict] [-j n] [file ...]
 * volunteer-points [-c file] --print-config
 * volunteer-points -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/date.h"
#include "lib/utf8.h"

struct opts opt = { .report = R_BALANCE, .top = -1, .by_points = -1 };

enum {
	OPT_REPORT = CLI_FIRST_OWN,
	OPT_AS_OF,
	OPT_VOLUNTEER,
	OPT_TOP,
	OPT_BY,
	OPT_TOTAL
};

static const char *const reports[] = { "balance", "ledger", "teams", "rank",
	"stars", NULL };

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: volunteer-points [--report name] [--as-of date] "
	      "[--volunteer id]\n"
	      "                        [--top n] [--by hours | points] "
	      "[--total] [--from date]\n"
	      "                        [--to date] [--month m] [--quarter "
	      "q] [--year y] [-c file]\n"
	      "                        [-o format] [--csv | --tsv] "
	      "[--encoding enc] [--sheet name] [--bom] [--zh]\n"
	      "                        [--reject file] [--strict] "
	      "[--verbose] [--max-rejected n]\n"
	      "                        [--progress | --no-progress] [-j n] "
	      "[file ...]\n"
	      "       volunteer-points [-c file] --print-config\n"
	      "       volunteer-points -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "volunteer-points: the volunteer points ledger (志愿服务积分制)\n"
	    "\n"
	    "  volunteer-points --as-of 2025-12-31 services.csv redemptions.csv\n"
	    "  volunteer-points --report teams --year 2025 --total --zh -o table services.csv\n"
	    "  volunteer-points --report ledger --volunteer V0001 services.csv redemptions.csv\n"
	    "\n"
	    "Points for verified service by kind (emergency duty counts double), a\n"
	    "unit and a daily cap of hours, expiry after 24 months (the oldest points\n"
	    "are spent first), star levels at 100/300/600/1000/1500 hours.\n"
	    "\n"
	    "  --report NAME       balance (default), ledger, teams, rank, stars\n"
	    "  --as-of DATE        balances and expiry as of this day (default: today)\n"
	    "  --volunteer ID      ledger: only this volunteer\n"
	    "  --top N             rank: the first N (default 10)\n"
	    "  --by hours|points   rank: by hours (default) or points\n"
	    "  --total             balance, teams, stars: add the overall row\n"
	    "  -j, --jobs N        threads reading a file (default: the cores, at most 8)\n"
	    "  --from, --to DATE; --month YYYY-MM; --quarter YYYY-Qn; --year YYYY\n"
	    "                      teams, rank, ledger: services in the period\n"
	    "  -o FORMAT  tsv, csv, json, table, md, xlsx;  --zh  Chinese titles\n"
	    "  --csv, --tsv, --encoding ENC, --sheet NAME, --bom, --reject FILE,\n"
	    "  --strict, --verbose, --max-rejected N|P%%, --progress, -c FILE,\n"
	    "  --print-config, -h, -V: see zhili(7)\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
	    "See volunteer-points(1).\n"));
}

static void
set_report(const char *arg)
{
	const char *near;
	int i;

	for (i = 0; reports[i] != NULL; i++)
		if (strcmp(arg, reports[i]) == 0) {
			opt.report = i;
			return;
		}
	if ((near = u8_nearest(arg, reports)) != NULL)
		zl_die(ZL_USAGE,
		    _("--report: no report '%s' (did you mean "
		      "'%s'?)"),
		    arg, near);
	zl_die(ZL_USAGE,
	    _("--report: no report '%s' (balance, ledger, teams, rank, "
	      "stars)"),
	    arg);
}

static void
set_as_of(const char *arg)
{
	long long t;

	if (date_parse(arg, strlen(arg), &t, NULL) != 0)
		zl_die(ZL_USAGE, _("--as-of: not a date '%s'"), arg);
	opt.as_of = (long)date_floordiv(t, DAY_SECS);
}

static void
set_top(const char *arg)
{
	char *end;

	opt.top = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || opt.top < 1)
		zl_die(ZL_USAGE, _("--top: not a count of 1 or more '%s'"),
		    arg);
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
	case OPT_AS_OF:
		set_as_of(arg);
		return 1;
	case OPT_VOLUNTEER:
		opt.volunteer = arg;
		return 1;
	case OPT_TOP:
		set_top(arg);
		return 1;
	case OPT_BY:
		if (strcmp(arg, "hours") != 0 && strcmp(arg, "points") != 0)
			zl_die(ZL_USAGE,
			    _("--by: '%s' is neither hours nor points"), arg);
		opt.by_points = strcmp(arg, "points") == 0;
		return 1;
	case OPT_TOTAL:
		opt.total = 1;
		return 1;
	}
	return 0;
}

/* An option given to a report it does not apply to: exit 2. */
static void
check_options(int as_of_given)
{
	const char *r = reports[opt.report];

	if (opt.volunteer != NULL && opt.report != R_LEDGER)
		zl_die(ZL_USAGE,
		    _("--volunteer is for the ledger report, not "
		      "%s"),
		    r);
	if ((opt.top >= 0 || opt.by_points >= 0) && opt.report != R_RANK)
		zl_die(ZL_USAGE, _("--%s is for the rank report, not %s"),
		    opt.top >= 0 ? "top" : "by", r);
	if (opt.total && (opt.report == R_LEDGER || opt.report == R_RANK))
		zl_die(ZL_USAGE,
		    _("--total is for the balance, teams and stars "
		      "reports, not %s"),
		    r);
	if (cli.has_period &&
	    (opt.report == R_BALANCE || opt.report == R_STARS))
		zl_die(ZL_USAGE,
		    _("the %s report is as of a day: give --as-of DATE, not a "
		      "period (a period is for teams, rank and ledger)"),
		    r);
	if (opt.top < 0)
		opt.top = 10;
	if (opt.by_points < 0)
		opt.by_points = 0;
	if (opt.jobs == 0)
		opt.jobs = rd_jobs();
	if (!as_of_given) /* today, in China Standard Time (UTC+8) */
		opt.as_of = (long)date_floordiv((long long)time(NULL) +
			8 * 3600,
		    DAY_SECS);
}

static void
options(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_DATE_LONGOPTS,
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "volunteer", required_argument, NULL, OPT_VOLUNTEER },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "by", required_argument, NULL, OPT_BY },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c, as_of = 0;

	while (
	    (c = cli_getopt(argc, argv, CLI_SHORTOPTS "j:", longopts)) != -1) {
		as_of |= c == OPT_AS_OF;
		if (!own_option(c, optarg) && !cli_option(c, optarg, help))
			usage();
	}
	check_options(as_of);
}

int
main(int argc, char **argv)
{
	zl_init("volunteer-points");
	options(argc, argv);
	cli_setup(&vp_section, argc - optind, argv + optind);
	conf_load();
	input_read(argc - optind, argv + optind);
	report_write();
	input_close();
	return zl_finish(ZL_OK);
}
