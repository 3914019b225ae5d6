/*
 * Unit tests of lib/cli.c: every shared option and what it sets, the bad
 * arguments (exit 2 with the message), the date options' periods, the
 * reader options and writer flags made from them, cli_setup.
 *
 * Times are seconds since 1970-01-01 00:00 of the civil time given,
 * computed with python3's calendar.timegm.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/cli.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/rej.h"
#include "lib/wr.h"
#include "tests/unit/t.h"

#define T_2024_01_01	  1704067200LL
#define T_2024_03_01	  1709251200LL
#define T_2024_03_05	  1709596800LL
#define T_2024_03_09_1200 1709985600LL
#define T_2024_03_10	  1710028800LL
#define T_2024_04_01	  1711929600LL
#define T_2024_05_01	  1714521600LL
#define T_2024_07_01	  1719792000LL
#define T_2024_10_01	  1727740800LL
#define T_2025_01_01	  1735689600LL

static struct cli fresh; /* cli as a program starts with it */

static void
help(void)
{
	fputs("the help\n", stderr);
}

struct opt {
	int c;
	const char *arg;
};

/* In a child: one option, stdout into stderr; exit 99 when it returns. */
static void
option(const void *arg)
{
	const struct opt *o = arg;

	dup2(2, 1);
	cli_option(o->c, o->arg, help);
	_exit(99);
}

/* In a child: two options (o[0], o[1]), stdout into stderr; exit 99 when
 * they return. */
static void
options2(const void *arg)
{
	const struct opt *o = arg;

	dup2(2, 1);
	cli_option(o[0].c, o[0].arg, help);
	cli_option(o[1].c, o[1].arg, help);
	_exit(99);
}

/* The options c1 a1 then c2 a2, from the start, must exit 2 with want. */
#define BAD2(c1, a1, c2, a2, want)                                     \
	do {                                                           \
		struct opt o_[2] = { { (c1), (a1) }, { (c2), (a2) } }; \
		cli = fresh;                                           \
		t_dies(__LINE__, options2, o_, (want));                \
	} while (0)

/* The option c with arg must exit 2 with the message want. */
#define BAD(c, arg, want)                              \
	do {                                           \
		struct opt o_ = { (c), (arg) };        \
		t_dies(__LINE__, option, &o_, (want)); \
	} while (0)

/* Handle c with arg from the start: it must be one of the shared ones. */
static int
one(int c, const char *arg)
{
	cli = fresh;
	return cli_option(c, arg, help);
}

static void
test_defaults(void)
{
	struct rd_opts o;

	cli = fresh;
	T_INT(cli.in_fmt, FMT_AUTO);
	T_INT(cli.enc, ENC_AUTO);
	T_INT(cli.out_fmt, FMT_TSV);
	T_INT(cli.progress, -1);
	T_INT(cli.bom | cli.zh | cli.strict | cli.print_config, 0);
	T_OK(cli.reject == NULL && cli.config == NULL);
	T_INT(cli.has_period, 0);
	T_OK(cli.period.from < -(1LL << 61) && cli.period.until > 1LL << 61);
	T_INT(cli_wr_flags(), 0);
	o = cli_rd_opts();
	T_INT(o.fmt, FMT_AUTO);
	T_INT(o.enc, ENC_AUTO);
	T_INT(o.progress, -1);
	T_INT(o.noheader | o.quiet | o.by_pos, 0);
	T_OK(o.canon == fld_canon);
	T_OK(o.canon_arg == NULL);
}

static void
test_flags(void)
{
	static char file[] = "my.yaml", rej[] = "rejected.csv";
	struct rd_opts o;

	T_INT(one('c', file), 1);
	T_OK(cli.config == file);
	T_INT(one(CLI_REJECT, rej), 1);
	T_OK(cli.reject == rej);
	T_INT(one(CLI_CSV, NULL), 1);
	T_INT(cli.in_fmt, FMT_CSV);
	T_INT(cli_rd_opts().fmt, FMT_CSV);
	T_INT(one(CLI_TSV, NULL), 1);
	T_INT(cli.in_fmt, FMT_TSV);
	T_INT(cli_rd_opts().fmt, FMT_TSV);
	T_INT(one(CLI_BOM, NULL), 1);
	T_INT(cli.bom, 1);
	T_INT(cli_wr_flags(), WR_BOM);
	T_INT(one(CLI_ZH, NULL), 1);
	T_INT(cli.zh, 1);
	T_INT(one(CLI_STRICT, NULL), 1);
	T_INT(cli.strict, 1);
	T_INT(one(CLI_PROGRESS, NULL), 1);
	T_INT(cli.progress, 1);
	T_INT(cli_rd_opts().progress, 1);
	T_INT(one(CLI_NO_PROGRESS, NULL), 1);
	T_INT(cli.progress, 0);
	T_INT(cli_rd_opts().progress, 0);
	T_INT(one(CLI_PRINT_CONFIG, NULL), 1);
	T_INT(cli.print_config, 1);

	/* The last of --csv and --tsv, of --progress and --no-progress. */
	cli = fresh;
	cli_option(CLI_CSV, NULL, help);
	cli_option(CLI_TSV, NULL, help);
	cli_option(CLI_PROGRESS, NULL, help);
	cli_option(CLI_NO_PROGRESS, NULL, help);
	cli_option(CLI_ENCODING, "gbk", help);
	o = cli_rd_opts();
	T_INT(o.fmt, FMT_TSV);
	T_INT(o.progress, 0);
	T_INT(o.enc, ENC_GB18030);
	T_OK(o.canon == fld_canon);

	/* Not a shared option: 0, and nothing changed. */
	T_INT(one('b', "x"), 0);
	T_INT(one('f', "x"), 0);
	T_INT(one(CLI_FIRST_OWN, NULL), 0);
	T_INT(one('?', NULL), 0);
	T_OK(memcmp(&cli, &fresh, sizeof cli) == 0);
}

static void
test_formats(void)
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
		{ "CSV", FMT_CSV },
		{ "Markdown", FMT_MD },
		{ "JSONL", FMT_JSON },
		{ "xlsx", FMT_XLSX },
		{ "XLSX", FMT_XLSX },
	};
	size_t i;

	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		T_INT(one('o', fmts[i].name), 1);
		T_INT(cli.out_fmt, fmts[i].fmt);
	}
	BAD('o', "xml",
	    "test_cli: unknown output format 'xml' (tsv, csv, "
	    "json, table, md or xlsx)");
	BAD('o', "",
	    "test_cli: unknown output format '' (tsv, csv, json, "
	    "table, md or xlsx)");
	BAD('o', "tsv ",
	    "test_cli: unknown output format 'tsv ' (tsv, csv, "
	    "json, table, md or xlsx)");
}

static void
test_encodings(void)
{
	static const struct {
		const char *name;
		int enc;
	} encs[] = {
		{ "auto", ENC_AUTO },
		{ "utf-8", ENC_UTF8 },
		{ "utf8", ENC_UTF8 },
		{ "UTF-8", ENC_UTF8 },
		{ "gbk", ENC_GB18030 },
		{ "GBK", ENC_GB18030 },
		{ "gb18030", ENC_GB18030 },
		{ "gb2312", ENC_GB18030 },
		{ "cp936", ENC_GB18030 },
	};
	size_t i;

	for (i = 0; i < sizeof encs / sizeof encs[0]; i++) {
		T_INT(one(CLI_ENCODING, encs[i].name), 1);
		T_INT(cli.enc, encs[i].enc);
		T_INT(cli_rd_opts().enc, encs[i].enc);
	}
	BAD(CLI_ENCODING, "big5",
	    "test_cli: unknown encoding 'big5' (utf-8, "
	    "gbk, gb18030 or auto)");
	BAD(CLI_ENCODING, "utf-16",
	    "test_cli: unknown encoding 'utf-16' "
	    "(utf-8, gbk, gb18030 or auto)");
}

/* The period after the date options given, from the start. */
static void
period_of(int line, int c1, const char *a1, int c2, const char *a2,
    long long from, long long until)
{
	cli = fresh;
	if (cli_option(c1, a1, help) != 1 ||
	    (c2 != 0 && cli_option(c2, a2, help) != 1) ||
	    cli.period.from != from || cli.period.until != until ||
	    cli.has_period != 1) {
		t_fail++;
		printf("FAIL %s:%d: period [%lld, %lld) has %d, want [%lld, "
		       "%lld)\n",
		    __FILE__, line, cli.period.from, cli.period.until,
		    cli.has_period, from, until);
	} else
		t_pass++;
}

#define PERIOD1(c, a, from, until) \
	period_of(__LINE__, (c), (a), 0, NULL, (from), (until))
#define PERIOD2(c1, a1, c2, a2, from, until) \
	period_of(__LINE__, (c1), (a1), (c2), (a2), (from), (until))

static void
test_dates(void)
{
	long long end = fresh.period.until, start = fresh.period.from;

	PERIOD1(CLI_FROM, "2024-03-05", T_2024_03_05, end);
	PERIOD1(CLI_TO, "2024-03-09", start, T_2024_03_10);
	/* a time includes that second */
	PERIOD1(CLI_TO, "2024-03-09 12:00:00", start, T_2024_03_09_1200 + 1);
	PERIOD1(CLI_FROM, "2024-03-09 12:00:00", T_2024_03_09_1200, end);
	PERIOD1(CLI_MONTH, "2024-04", T_2024_04_01, T_2024_05_01);
	PERIOD1(CLI_MONTH, "2024-4", T_2024_04_01, T_2024_05_01);
	PERIOD1(CLI_QUARTER, "2024-Q2", T_2024_04_01, T_2024_07_01);
	PERIOD1(CLI_QUARTER, "2024-q4", T_2024_10_01, T_2025_01_01);
	PERIOD1(CLI_YEAR, "2024", T_2024_01_01, T_2025_01_01);
	/* several intersect */
	PERIOD2(CLI_YEAR, "2024", CLI_MONTH, "2024-03", T_2024_03_01,
	    T_2024_04_01);
	PERIOD2(CLI_FROM, "2024-03-05", CLI_TO, "2024-03-09", T_2024_03_05,
	    T_2024_03_10);
	PERIOD2(CLI_MONTH, "2024-03", CLI_FROM, "2024-03-05", T_2024_03_05,
	    T_2024_04_01);
	/* the same period again: no conflict */
	PERIOD2(CLI_MONTH, "2024-03", CLI_MONTH, "2024-3", T_2024_03_01,
	    T_2024_04_01);
	PERIOD2(CLI_TO, "2024-03-09", CLI_TO, "2024-03-09", start,
	    T_2024_03_10);
	/* one second is a period */
	PERIOD2(CLI_FROM, "2024-03-09 12:00:00", CLI_TO, "2024-03-09 12:00:00",
	    T_2024_03_09_1200, T_2024_03_09_1200 + 1);
	cli = fresh;
	cli_option(CLI_YEAR, "2024", help);
	cli_option(CLI_MONTH, "2024-03", help);
	T_STR(cli.period_arg[PER_YEAR], "2024");
	T_STR(cli.period_arg[PER_MONTH], "2024-03");
	T_OK(cli.period_arg[PER_FROM] == NULL);

	/* given twice with another period; no time in common */
	BAD2(CLI_MONTH, "2024-04", CLI_MONTH, "2024-03",
	    "test_cli: --month given twice ('2024-04', '2024-03'): period "
	    "options narrow each other to the time they share, and these "
	    "share none; to span both: --from 2024-03-01 --to 2024-04-30");
	BAD2(CLI_YEAR, "2024", CLI_YEAR, "2022",
	    "test_cli: --year given twice ('2024', '2022'): period options "
	    "narrow each other to the time they share, and these share none; "
	    "to span both: --from 2022-01-01 --to 2024-12-31");
	BAD2(CLI_TO, "2024-03-09", CLI_TO, "2024-03-10",
	    "test_cli: --to given twice ('2024-03-09', '2024-03-10'): give it "
	    "once");
	BAD2(CLI_FROM, "2024-03-05", CLI_TO, "2024-03-04",
	    "test_cli: --from '2024-03-05' is after --to '2024-03-04': the "
	    "period would be empty (swapped? --from 2024-03-04 --to "
	    "2024-03-05)");
	BAD2(CLI_TO, "2024-03-09 11:59", CLI_FROM, "2024-03-09 12:00",
	    "test_cli: --from '2024-03-09 12:00' is after --to '2024-03-09 "
	    "11:59': the period would be empty (swapped? --from '2024-03-09 "
	    "11:59' --to '2024-03-09 12:00')");
	BAD2(CLI_YEAR, "2023", CLI_QUARTER, "2024-Q1",
	    "test_cli: --year '2023' and --quarter '2024-Q1' share no time: "
	    "period options narrow each other to the time they share");
	BAD2(CLI_MONTH, "2024-03", CLI_FROM, "2024-04-01",
	    "test_cli: --month '2024-03' and --from '2024-04-01' share no "
	    "time: period options narrow each other to the time they share");

	BAD(CLI_FROM, "tomorrow", "test_cli: --from: invalid date 'tomorrow'");
	BAD(CLI_TO, "2024-02-30", "test_cli: --to: invalid date '2024-02-30'");
	BAD(CLI_MONTH, "2024-13",
	    "test_cli: --month: invalid month (YYYY-MM) '2024-13'");
	BAD(CLI_MONTH, "2024",
	    "test_cli: --month: invalid month (YYYY-MM) '2024'");
	BAD(CLI_QUARTER, "2024-Q5",
	    "test_cli: --quarter: invalid quarter (YYYY-Qn) '2024-Q5'");
	BAD(CLI_QUARTER, "2024-03",
	    "test_cli: --quarter: invalid quarter (YYYY-Qn) '2024-03'");
	BAD(CLI_YEAR, "24", "test_cli: --year: invalid year (YYYY) '24'");
	BAD(CLI_YEAR, "2024-01",
	    "test_cli: --year: invalid year (YYYY) '2024-01'");
}

/* In a child: the date option (*arg), the times t[] of records, then
 * cli_period_end. */
struct seen_case {
	int c;
	const char *arg;
	long long t[4]; /* 0 ends */
};

static void
period_end(const void *arg)
{
	const struct seen_case *sc = arg;
	size_t i;

	cli = fresh;
	if (sc->c != 0)
		cli_option(sc->c, sc->arg, help);
	for (i = 0; i < 4 && sc->t[i] != 0; i++)
		cli_in_period(sc->t[i]);
	cli_period_end("reported_at");
}

/* The records outside the period, when none is in it: one line. */
static void
test_period_end(void)
{
	static const struct seen_case none = { CLI_MONTH, "2030-01",
		{ T_2024_03_10, T_2024_01_01, T_2024_05_01, 0 } };
	static const struct seen_case one = { CLI_FROM, "2024-05-01 08:00",
		{ T_2024_03_05, 0 } };
	static const struct seen_case some = { CLI_QUARTER, "2024-Q1",
		{ T_2024_05_01, T_2024_03_05, 0 } };
	static const struct seen_case nothing = { CLI_YEAR, "2024", { 0 } };
	static const struct seen_case all = { 0, NULL, { T_2024_03_05, 0 } };
	char out[512];

	T_INT(t_child(period_end, &none, out, sizeof out), 0);
	T_STR(out,
	    "test_cli: no records in the period 2030-01: the 3 outside it "
	    "have reported_at from 2024-01-01 to 2024-05-01");
	T_INT(t_child(period_end, &one, out, sizeof out), 0);
	T_STR(out,
	    "test_cli: no records in the period from 2024-05-01 08:00:00: "
	    "the 1 outside it has reported_at 2024-03-05");
	/* some in it, none read, no period: nothing to say */
	T_INT(t_child(period_end, &some, out, sizeof out), 0);
	T_STR(out, "");
	T_INT(t_child(period_end, &nothing, out, sizeof out), 0);
	T_STR(out, "");
	T_INT(t_child(period_end, &all, out, sizeof out), 0);
	T_STR(out, "");
	cli = fresh;
	T_OK(cli_in_period(T_2024_03_05));
	cli_option(CLI_MONTH, "2024-03", help);
	T_OK(cli_in_period(T_2024_03_05));
	T_OK(!cli_in_period(T_2024_04_01));
	cli = fresh;
}

/* -h: the help, exit 0; -V: the version on stdout, exit 0. */
static void
test_help_version(void)
{
	struct opt h = { 'h', NULL }, v = { 'V', NULL };
	char out[512];

	T_INT(t_child(option, &h, out, sizeof out), 0);
	T_STR(out, "the help");
	T_INT(t_child(option, &v, out, sizeof out), 0);
	T_STR(out, "test_cli (zhili) " ZHILI_VERSION);
}

/* In a child: cli_setup, stdout into stderr; exit 99 when it returns. */
static void
setup(const void *arg)
{
	(void)arg;
	dup2(2, 1);
	cli_setup(NULL, 0, NULL);
	_exit(99);
}

/* In a child: cli_setup, then reject a record; exit 98 when it returns. */
static void
setup_reject(const void *arg)
{
	static struct str f[2] = { { "1", 1 }, { "x", 1 } };
	struct rec r = { .nf = 2,
		.f = f,
		.file = "in.tsv",
		.line = 2,
		.raw = { "1\tx", 3 },
		.plain = 1,
		.pos = -1 };

	(void)arg;
	cli_setup(NULL, 0, NULL);
	rej_read();
	rec_reject(&r, "bad");
	_exit(98);
}

static void
test_setup(void)
{
	char out[8192], path[] = "/tmp/zhili-test-cli.XXXXXX";
	struct stat st;
	int fd;

	/* --print-config: the configuration on stdout, exit 0. */
	cli = fresh;
	cli.print_config = 1;
	T_INT(t_child(setup, NULL, out, sizeof out), 0);
	T_OK(strstr(out, "office-hours:") != NULL);

	/* Nothing to do: cli_setup returns. */
	cli = fresh;
	T_INT(t_child(setup, NULL, out, sizeof out), 99);
	T_STR(out, "");

	/* --reject opens the file (owner only); --strict stops at the
	 * first rejection, exit 1. */
	if ((fd = mkstemp(path)) == -1) {
		perror("test_cli");
		exit(99);
	}
	close(fd);
	unlink(path);
	cli = fresh;
	cli.reject = path;
	cli.strict = 1;
	T_INT(t_child(setup_reject, NULL, out, sizeof out), 1);
	T_STR(out,
	    "test_cli: in.tsv:2: bad\n"
	    "test_cli: 1 of 1 records rejected");
	T_INT(stat(path, &st), 0);
	T_INT(st.st_mode & 0777, 0600);
	T_INT(st.st_size,
	    (long long)strlen("_error\t_raw\nin.tsv:2: bad\t1\\tx\n"));
	cli.strict = 0;
	T_INT(t_child(setup_reject, NULL, out, sizeof out), 98);
	unlink(path);

	/* A --reject file that cannot be made: exit 3. */
	cli = fresh;
	cli.reject = "/nonexistent/rejected.csv";
	T_INT(t_child(setup, NULL, out, sizeof out), 3);
	T_STR(out,
	    "test_cli: /nonexistent/rejected.csv: No such file or "
	    "directory");
	cli = fresh;
}

int
main(void)
{
	zl_init("test_cli");
	fresh = cli;
	test_defaults();
	test_flags();
	test_formats();
	test_encodings();
	test_dates();
	test_period_end();
	test_help_version();
	test_setup();
	return t_done();
}
