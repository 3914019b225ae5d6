/*
 * cli: the command-line conventions every program shares (DESIGN.md
 * section 4).  A program lists its own options, adds CLI_LONGOPTS (and
 * CLI_DATE_LONGOPTS where it deals with dates) to its getopt_long table and
 * CLI_SHORTOPTS to its short options, and hands every option it does not
 * know to cli_option().
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>

#include "cfg.h"
#include "date.h"
#include "rd.h"
#include "wr.h"

enum {
	CLI_CSV = 0x1000,
	CLI_TSV,
	CLI_ENCODING,
	CLI_BOM,
	CLI_ZH,
	CLI_REJECT,
	CLI_STRICT,
	CLI_PROGRESS,
	CLI_NO_PROGRESS,
	CLI_PRINT_CONFIG,
	CLI_VERBOSE,
	CLI_MAX_REJECTED,
	CLI_FROM,
	CLI_TO,
	CLI_MONTH,
	CLI_QUARTER,
	CLI_YEAR,
	CLI_SHEET,
	CLI_FIRST_OWN /* a program's own long-only options start here */
};

#define CLI_SHORTOPTS "c:o:hV"

#define CLI_LONGOPTS                                                       \
	{ "config", required_argument, NULL, 'c' },                        \
	    { "output", required_argument, NULL, 'o' },                    \
	    { "help", no_argument, NULL, 'h' },                            \
	    { "version", no_argument, NULL, 'V' },                         \
	    { "csv", no_argument, NULL, CLI_CSV },                         \
	    { "tsv", no_argument, NULL, CLI_TSV },                         \
	    { "encoding", required_argument, NULL, CLI_ENCODING },         \
	    { "bom", no_argument, NULL, CLI_BOM },                         \
	    { "zh", no_argument, NULL, CLI_ZH },                           \
	    { "reject", required_argument, NULL, CLI_REJECT },             \
	    { "strict", no_argument, NULL, CLI_STRICT },                   \
	    { "progress", no_argument, NULL, CLI_PROGRESS },               \
	    { "no-progress", no_argument, NULL, CLI_NO_PROGRESS },         \
	    { "verbose", no_argument, NULL, CLI_VERBOSE },                 \
	    { "max-rejected", required_argument, NULL, CLI_MAX_REJECTED }, \
	    { "sheet", required_argument, NULL, CLI_SHEET },               \
	{                                                                  \
		"print-config", no_argument, NULL, CLI_PRINT_CONFIG        \
	}

#define CLI_DATE_LONGOPTS                                        \
	{ "from", required_argument, NULL, CLI_FROM },           \
	    { "to", required_argument, NULL, CLI_TO },           \
	    { "month", required_argument, NULL, CLI_MONTH },     \
	    { "quarter", required_argument, NULL, CLI_QUARTER }, \
	{                                                        \
		"year", required_argument, NULL, CLI_YEAR        \
	}

struct cli {
	int in_fmt;  /* FMT_AUTO, FMT_TSV, FMT_CSV */
	int enc;     /* ENC_AUTO, ENC_UTF8, ENC_GB18030 */
	int out_fmt; /* FMT_TSV .. FMT_XLSX */
	int bom;
	int zh;
	int strict;
	int progress; /* -1 auto */
	int print_config;
	int verbose;
	const char *max_rejected; /* --max-rejected, as given */
	const char *reject;
	const char *sheet; /* --sheet: a workbook's sheet, name or number */
	const char *config;
	struct period period; /* from the date options; all time by default */
	int has_period;
	const char *period_arg[PER_N]; /* each date option's, as given */
};

extern struct cli cli;

/*
 * Handle one of the shared options; 1 when it was one.  'h' and 'V' call
 * help and exit; a bad argument is a usage error (exit 2).  The date
 * options narrow the period to the part they all cover; one given twice
 * with another period, or two with no time in common (a --from after the
 * --to), are a usage error.
 */
int cli_option(int c, const char *arg, void (*help)(void));
/*
 * getopt_long, with the messages of zhili: an unknown long option names
 * the nearest one ("did you mean '--reject'?"), an abbreviation that fits
 * several lists them.  '?' after the message, as getopt_long.
 */
int cli_getopt(int argc, char *const *argv, const char *shortopts,
    const struct option *longopts);
/* -j's argument, a number of threads from 1 to 64 (else exit 2). */
int cli_jobs(const char *arg);
/*
 * After option parsing: declare the program's own configuration section
 * (own; NULL: it has none), load the configuration and the aliases (exit 2
 * on error), print it and exit for --print-config, check that the
 * --reject file is none of the nin inputs in[] (exit 2) and open it, set
 * max-rejected.
 */
void cli_setup(const struct cfg_section *own, int nin, char *const *in);
/*
 * Before cli_setup: a file the program reads besides its inputs (an
 * option's, such as --ytd FILE), which the --reject file may not be.
 * The configuration file is one already.  NULL: none.
 */
void cli_input(const char *path);
/*
 * cli_setup's loading of the configuration (cli.config, or
 * $ZHILI_CONFIG) and the aliases, and the check of every section: with
 * cli.print_config, as --print-config checks it (every error kept, then
 * printed), the number of errors; without, the first error exits 2.
 */
size_t cli_config(void);
/*
 * Is t, the time of a record's date field, in the period of the date
 * options?  The records outside it are counted for cli_period_end.
 */
int cli_in_period(long long t);
/*
 * Those counts are the calling thread's: a thread that reads for another
 * (case-stats -j) takes its own out (cli_seen_take: they are zero
 * again), and the other adds them to its own (cli_seen_add, to NULL) or
 * to others (to).
 */
struct cli_seen {
	unsigned long long in, out;
	long long first, last; /* the times of those outside */
};
void cli_seen_take(struct cli_seen *s);
void cli_seen_add(struct cli_seen *to, const struct cli_seen *s);
/*
 * After the records: when the date options were given and no record was
 * in their period but some were outside it, say so on stderr with the
 * dates of those (field: the date field's name; "month": the times are
 * months' first days, shown as months).
 */
void cli_period_end(const char *field);
/* Reader options from the shared options. */
struct rd_opts cli_rd_opts(void);
/* Writer flags from the shared options. */
unsigned cli_wr_flags(void);

/*
 * Values a program writes (levels, states, problem texts, the total row's
 * label): with --zh their Chinese form from fixed tables, the same on
 * every machine (zhili(7), Values under --zh).  A table pairs English and
 * Chinese, ended by {NULL, NULL}; the shared terms (total, yes, no) are
 * lib's, a program declares its own (CLI_TERMS).
 */
struct cli_term {
	const char *en, *zh;
};
void cli_terms(const struct cli_term *table);
/* Declare table before main runs: in the file that defines it. */
#define CLI_TERMS(table)                                                 \
	__attribute__((constructor)) static void cli_terms_##table(void) \
	{                                                                \
		cli_terms(table);                                        \
	}
/* en as written: its Chinese form under --zh, else en itself. */
const char *cli_term(const char *en);
/* A message written as a value: Chinese under --zh, else gettext's. */
const char *cli_text(const char *en);

#endif
