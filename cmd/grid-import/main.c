/*
 * grid-import: the five-level grid roster, cleaned and checked.
 *
 * grid-import [--level level] [--summary [--total]] [--check] [--mask]
 *     [-j n] [-c file] [-o format] [--csv | --tsv] [--encoding enc]
 *     [--sheet name] [--bom] [--zh]
 *     [--reject file] [--strict] [--progress | --no-progress] [file ...]
 * grid-import [-c file] --print-config
 * grid-import -h | -V
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"

enum { OPT_LEVEL = CLI_FIRST_OWN, OPT_SUMMARY, OPT_TOTAL, OPT_CHECK, OPT_MASK };

static void
usage(void)
{
	fprintf(stderr,
	    _("usage: grid-import [--level level] [--summary "
	      "[--total]] [--check] [--mask] [-j n]\n"
	      "                   [-c file] [-o format] [--csv | "
	      "--tsv] [--encoding enc] [--sheet name] [--bom]\n"
	      "                   [--zh] [--reject file] [--strict] "
	      "[--verbose] [--max-rejected n]\n"
	      "                   [--progress | --no-progress] "
	      "[file ...]\n"
	      "       grid-import [-c file] --print-config\n"
	      "       grid-import -h | -V\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_(
	    "grid-import: the five-level grid roster, cleaned and checked\n"
	    "\n"
	    "  grid-import --summary --total roster/*/*.csv | zhili-cat -o table\n"
	    "  grid-import --check --mask roster/*/*.csv > problems.tsv\n"
	    "  grid-import --level building roster/元宝山街道/*.csv > buildings.tsv\n"
	    "\n"
	    "Reads the roster sheets communities keep (title rows, merged cells,\n"
	    "total rows and all) and writes one record per unit: street,\n"
	    "community, grid, compound, building, party-member household.\n"
	    "\n"
	    "  --level LEVEL   only units of that level\n"
	    "  --summary       counts per community (--total: and the district)\n"
	    "  --check         only the problems, one record each (exit 1 if any)\n"
	    "  --mask          identity numbers and phones masked (138****5678)\n"
	    "  -j, --jobs N    threads (default: the cores, at most 8)\n"
	    "  -o FORMAT  tsv, csv, json, table, md, xlsx;  --zh  Chinese titles\n"
	    "  --csv, --tsv, --encoding ENC, --sheet NAME, --bom, --reject FILE,\n"
	    "  --strict, --verbose, --max-rejected N|P%%, --progress, -c FILE,\n"
	    "  --print-config, -h, -V: see zhili(7)\n"
	    "\n"
	    "Exit status: 0 ok, 1 records rejected or problems found (--check),\n"
	    "2 usage, 3 input/output error.  See grid-import(1).\n"));
}

static void
report_fixes(void)
{
	static const char *const one[FIX_N] = { N_("title row skipped"),
		N_("blank row skipped"), N_("total row dropped"),
		N_("blank cell filled down"), N_("full-width character folded"),
		N_("value trimmed") };
	static const char *const many[FIX_N] = { N_("title rows skipped"),
		N_("blank rows skipped"), N_("total rows dropped"),
		N_("blank cells filled down"),
		N_("full-width characters folded"), N_("values trimmed") };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < FIX_N; i++)
		if (fixes[i] > 0)
			/* TRANSLATORS: between the kinds of fixes. */
			buf_printf(&b, "%s%llu %s", b.n ? _(", ") : "",
			    fixes[i], ngettext(one[i], many[i], fixes[i]));
	if (b.n > 0)
		zl_warn(_("the sheets were tidied: %s"), b.p);
	buf_free(&b);
	if (units_merged > 0)
		zl_warn(ngettext("%llu row merged: a building listed twice, "
				 "the first row kept (--check lists it)",
			    "%llu rows merged: buildings listed twice, the "
			    "first rows kept (--check lists them)",
			    units_merged),
		    units_merged);
}

/* --level: only the units of that level; given again, the last counts
 * (as -o), each checked. */
static void
level_option(const char *arg)
{
	int i;

	for (i = 0; i < L_N && strcmp(arg, level_names[i]) != 0; i++)
		;
	gopt.level = i;
	if (i == L_N)
		zl_die(ZL_USAGE,
		    _("--level: '%s' (street, community, grid, "
		      "compound, building or household)"),
		    arg);
}

static void
options(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "mask", no_argument, NULL, OPT_MASK },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while (
	    (c = cli_getopt(argc, argv, CLI_SHORTOPTS "j:", longopts)) != -1) {
		switch (c) {
		case 'j':
			gopt.jobs = cli_jobs(optarg);
			break;
		case OPT_LEVEL:
			level_option(optarg);
			break;
		case OPT_SUMMARY:
			gopt.summary = 1;
			break;
		case OPT_TOTAL:
			gopt.total = 1;
			break;
		case OPT_CHECK:
			gopt.check = 1;
			break;
		case OPT_MASK:
			gopt.mask = 1;
			break;
		default:
			if (!cli_option(c, optarg, help))
				usage();
		}
	}
	if (gopt.summary && gopt.check)
		zl_die(ZL_USAGE, _("--summary and --check exclude each other"));
	if (gopt.jobs == 0)
		gopt.jobs = rd_jobs();
}

/* The problems (--check), the summary or the units: the exit status. */
static int
output(void)
{
	int fmt = cli.out_fmt;
	unsigned flags = cli_wr_flags();

	if (gopt.check) {
		check_write(fmt, flags);
		return check_count() > 0 ? ZL_REJECTED : ZL_OK;
	}
	if (gopt.summary)
		write_summary(fmt, flags);
	else
		write_units(fmt, flags);
	if (check_count() > 0)
		zl_warn(ngettext("%llu problem found (--check lists it)",
			    "%llu problems found (--check lists them)",
			    check_count()),
		    check_count());
	return ZL_OK;
}

int
main(int argc, char **argv)
{
	struct rd_opts ro;
	struct rd *r;
	struct rec *rec;

	zl_init("grid-import");
	options(argc, argv);
	cli_setup(&grid_import_section, argc - optind, argv + optind);
	conf_load();
	ro = cli_rd_opts();
	ro.noheader = 1;
	r = rd_open(argc - optind, argv + optind, &ro);
	if (gopt.jobs > 1) {
		ahead_start();
		pipe_start();
	}
	while (rd_next(r, &rec))
		sheet_row(rec);
	sheet_end();
	pipe_end();
	rd_say_empty(r);
	rd_close(r);
	ahead_stop();
	units_finish();
	report_fixes();
	rej_figures();
	return zl_finish(output());
}
