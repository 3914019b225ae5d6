/*
 * case-stats: the figures behind the resolution rate.
 *
 * case-stats [-c file] [-o format] [-b fields] [-m metrics] [--total]
 *     [--sort [-]field] [--top n] [--as-of time] [--classify[=all]]
 *     [--records | --partial | --merge] [--no-dedupe]
 *     [--from date] [--to date] [--month YYYY-MM] [--quarter YYYY-Qn]
 *     [--year YYYY] [--csv | --tsv] [--encoding enc] [--bom] [--zh]
 *     [--reject file] [--strict] [--progress | --no-progress] [file ...]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/date.h"
#include "lib/fld.h"

struct opts opt = { .dedupe = 1, .top = -1, .as_of = NO_TIME };

static const char *const field_names[F_N] = { "case_id", "reported_at",
	"closed_at", "status", "category", "description", "street", "community",
	"grid_id", "channel", "satisfaction", "deadline", "updated_at" };

enum {
	OPT_TOTAL = CLI_FIRST_OWN,
	OPT_SORT,
	OPT_TOP,
	OPT_AS_OF,
	OPT_CLASSIFY,
	OPT_RECORDS,
	OPT_PARTIAL,
	OPT_MERGE,
	OPT_NO_DEDUPE
};

static void
usage(void)
{
	fprintf(stderr, _("usage: case-stats [-b fields] [-m metrics] [--total] "
			  "[--sort [-]field] [--top n]\n"
			  "                  [--as-of time] [--classify[=all]] "
			  "[--records | --partial | --merge]\n"
			  "                  [--no-dedupe] [--from date] [--to "
			  "date] [--month m] [--quarter q]\n"
			  "                  [--year y] [-c file] [-o format] "
			  "[--csv | --tsv] [--encoding enc]\n"
			  "                  [--bom] [--zh] [--reject file] "
			  "[--strict] [--progress | --no-progress]\n"
			  "                  [file ...]\n"));
	exit(ZL_USAGE);
}

static void
help(void)
{
	printf(_("case-stats: the figures behind the resolution rate\n"
		 "\n"
		 "  case-stats --total --by community cases.csv | zhili-cat -o table\n"
		 "  case-stats --month 2024-03 --by category --sort -total --top 5 cases.csv\n"
		 "  case-stats --classify --records cases.csv > clean.tsv\n"
		 "\n"
		 "Counts, resolution rate (办结率), on-time rate (按期办结率), overdue open\n"
		 "cases, hours to close and satisfaction per group of cases.\n"
		 "\n"
		 "  -b, --by FIELDS     group by fields, or month, week, weekday, hour\n"
		 "  -m, --metrics LIST  the columns (default: all sixteen)\n"
		 "  --total             add the overall row\n"
		 "  --sort [-]FIELD     sort by a field or metric (-: descending)\n"
		 "  --top N             only the first N groups\n"
		 "  --as-of TIME        for overdue_open (default: now)\n"
		 "  --classify[=all]    category from the description (empty, 其他 / all)\n"
		 "  --records           the cleaned, de-duplicated case records\n"
		 "  --partial, --merge  mergeable partial results, and their merge\n"
		 "  --no-dedupe         count every record, even a case seen twice\n"
		 "  --from, --to DATE; --month YYYY-MM; --quarter YYYY-Qn; --year YYYY\n"
		 "                      only cases reported in the period\n"
		 "  -o FORMAT  tsv, csv, json, table, md;  --zh  Chinese titles\n"
		 "  --csv, --tsv, --encoding ENC, --bom, --reject FILE, --strict,\n"
		 "  --progress, -c FILE, --print-config, -h, -V: see zhili(7)\n"
		 "\n"
		 "Exit status: 0 ok, 1 records rejected, 2 usage, 3 input/output error.\n"
		 "See case-stats(1).\n"));
}

static enum derived
derived_of(const char *name)
{
	static const char *const d[] = { "", "month", "week", "weekday",
		"hour" };
	int i;

	for (i = 1; i <= D_HOUR; i++)
		if (strcmp(name, d[i]) == 0)
			return (enum derived)i;
	return D_NONE;
}

/* Parse --by against the header. */
static void
setup_by(struct rd *r, const char *list)
{
	char *copy, *p, *save = NULL;
	size_t n = 0;

	if (list == NULL)
		return;
	copy = xstrdup(list);
	opt.by = xcalloc(strlen(list) + 1, sizeof *opt.by);
	opt.by_derived = xcalloc(strlen(list) + 1, sizeof *opt.by_derived);
	opt.by_col = xcalloc(strlen(list) + 1, sizeof *opt.by_col);
	for (p = strtok_r(copy, ",", &save); p != NULL;
	     p = strtok_r(NULL, ",", &save)) {
		struct str name = str_trim(str_c(p));
		char *want = xstrndup(name.p, name.n);
		const char *canon;
		long c = -1;

		opt.by_derived[n] = derived_of(want);
		if (opt.by_derived[n] == D_NONE && r != NULL) {
			canon = fld_canon(name, NULL);
			c = canon != NULL ? fld_col(r, canon) : -1;
			if (c < 0)
				c = rd_find(r, want);
			if (c < 0)
				zl_die_at(ZL_USAGE, rd_first_file(r), 1,
				    _("--by: no field '%s'"), want);
			if (canon == NULL)
				canon = fld_canon(rd_names(r)[c], NULL);
			if (canon != NULL) {
				free(want);
				want = xstrdup(canon);
			}
		} else if (opt.by_derived[n] == D_NONE)
			c = -1;
		opt.by[n] = want;
		opt.by_col[n] = c;
		n++;
	}
	free(copy);
	opt.nby = n;
	if (n == 0)
		zl_die(ZL_USAGE, _("--by: no field named"));
}

/* The values of the group fields of a case (the derived ones written in
 * text, the caller's, 32 bytes for each --by field). */
static void
key_of(const struct rec *r, const struct kase *k, struct str *key,
    char (*text)[32])
{
	size_t i;
	int y, m, d;
	long day;

	for (i = 0; i < opt.nby; i++) {
		char *b = text[i];

		if (opt.by_derived[i] == D_NONE) {
			key[i] = str_trim(r->f[opt.by_col[i]]);
			continue;
		}
		day = (long)date_floordiv(k->reported, DAY_SECS);
		date_ymd(day, &y, &m, &d);
		switch (opt.by_derived[i]) {
		case D_MONTH:
			snprintf(b, 32, "%04d-%02d", y, m);
			break;
		case D_WEEK: {
			/* ISO 8601: the week of the Thursday */
			long thu = day - date_weekday(day) + 3;
			int ty, tm, td;

			date_ymd(thu, &ty, &tm, &td);
			snprintf(b, 32, "%04d-W%02ld", ty,
			    (thu - date_days(ty, 1, 1)) / 7 + 1);
			break;
		}
		case D_WEEKDAY:
			snprintf(b, 32, "%d", date_weekday(day) + 1);
			break;
		case D_HOUR:
			snprintf(b, 32, "%02d",
			    (int)((k->reported - (long long)day * DAY_SECS) /
				3600));
			break;
		}
		key[i] = str_c(b);
	}
}

/* The group of a case (the category as classified). */
static uint32_t
group_id(const struct rec *r, const struct kase *k, const long *col,
    char (*text)[32])
{
	struct str key[64];
	size_t i;

	key_of(r, k, key, text);
	for (i = 0; i < opt.nby; i++)
		if (opt.by_col[i] >= 0 && opt.by_col[i] == col[F_CATEGORY])
			key[i] = k->category;
	return group_of(key);
}

/* --records: the output fields of a case. */
static size_t rec_nf;
static long rec_category = -1, rec_id = -1;
static long rec_time[3] = { -1, -1, -1 }; /* reported, closed, updated */

static void
records_header(struct rd *r, const long *col, struct wr **w, int fmt,
    unsigned flags)
{
	static const char *const extra[] = { "state", "hours_to_close",
		"due_at", "on_time" };
	static const char *const extra_zh[] = { "办理状态类别", "办结时长(小时)",
		"应办结时间", "是否按期" };
	size_t nf = rd_nfields(r), i;
	struct str *names = xcalloc(nf + 4, sizeof *names);
	unsigned char *types = xcalloc(nf + 4, 1);

	for (i = 0; i < nf; i++) {
		const char *c = fld_canon(rd_names(r)[i], NULL);

		names[i] = c ? str_c(cli.zh ? fld_zh(c) : c) : rd_names(r)[i];
		types[i] = COL_STR;
	}
	for (i = 0; i < 4; i++) {
		names[nf + i] = str_c(cli.zh ? extra_zh[i] : extra[i]);
		types[nf + i] = i == 1 ? COL_NUM : COL_STR;
	}
	rec_nf = nf + 4;
	rec_category = col[F_CATEGORY];
	rec_id = col[F_CASE_ID];
	rec_time[0] = col[F_REPORTED_AT];
	rec_time[1] = col[F_CLOSED_AT];
	rec_time[2] = col[F_UPDATED_AT];
	*w = wr_open(fmt, rec_nf, names, types, flags);
	free(names);
	free(types);
}

static struct str *
records_fields(const struct rec *r, const struct kase *k, long long due)
{
	static const char *const states[ST_N] = { "open", "returned", "closed",
		"cancelled" };
	static struct str *f;
	static char times[3][24], hours[32], dues[24];
	size_t i, j;

	if (f == NULL)
		f = xcalloc(rec_nf, sizeof *f);
	for (i = 0; i + 4 < rec_nf; i++)
		f[i] = str_trim(r->f[i]);
	if (rec_id >= 0)
		f[rec_id] = k->id;
	if (rec_category >= 0)
		f[rec_category] = k->category;
	for (j = 0; j < 3; j++) {
		long long t = j == 0 ? k->reported : j == 1 ? k->closed :
							      k->updated;

		if (rec_time[j] < 0 || t == NO_TIME)
			continue;
		date_format(t, 1, times[j]);
		f[rec_time[j]] = str_c(times[j]);
	}
	f[i] = str_c(states[k->state]);
	hours[0] = dues[0] = '\0';
	if (k->state == ST_CLOSED) {
		long long s = k->closed - k->reported;
		long long h100 = (2 * s * 100 + 3600) / 7200;

		snprintf(hours, sizeof hours, "%lld.%02lld", h100 / 100,
		    h100 % 100);
	}
	if (due != NO_TIME)
		date_format(due, 1, dues);
	f[i + 1] = str_c(hours);
	f[i + 2] = str_c(dues);
	f[i + 3] = str_c(k->state != ST_CLOSED || due == NO_TIME ? "" :
			 k->closed <= due ? "1" : "0");
	return f;
}

/*
 * One pass: the cases that may have come twice were added to their groups
 * as they came; read them again, take them out, and let the table keep
 * one of each id.
 */
static void
read_again(struct rd *r, const long *col, int need_due)
{
	struct seen_case *c;
	size_t n = seen_finish(&c), i;
	char (*text)[32] = xcalloc(opt.nby + 1, sizeof *text);

	if (n > 0 && !rd_unchanged(r))
		zl_die(ZL_IOERR, _("the input changed while it was read"));
	for (i = 0; i < n; i++) {
		struct rec *rec;
		struct kase k;
		long long due;
		uint32_t gid;

		if (!rd_reread(r, c[i].pos, &rec) || !case_parse(rec, col, &k) ||
		    !period_has(&cli.period, k.reported) ||
		    seen_hash(k.id) != c[i].hash)
			zl_die(ZL_IOERR, _("the input changed while it was "
					   "read"));
		case_classify(rec, col, &k);
		due = need_due ? case_deadline(&k) : NO_TIME;
		gid = group_id(rec, &k, col, text);
		acc_sub(gid, &k, due);
		dedupe_put(&k, due, gid, NULL, 0);
	}
	free(c);
	free(text);
	acc_sub_finish();
}

static long long
now_in_china(void)
{
	/* China Standard Time is UTC+8, all year */
	return (long long)time(NULL) + 8 * 3600;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_LONGOPTS,
		CLI_DATE_LONGOPTS,
		{ "by", required_argument, NULL, 'b' },
		{ "metrics", required_argument, NULL, 'm' },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "sort", required_argument, NULL, OPT_SORT },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "classify", optional_argument, NULL, OPT_CLASSIFY },
		{ "records", no_argument, NULL, OPT_RECORDS },
		{ "partial", no_argument, NULL, OPT_PARTIAL },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "no-dedupe", no_argument, NULL, OPT_NO_DEDUPE },
		{ NULL, 0, NULL, 0 },
	};
	const char *by = NULL;
	struct rd_opts ro;
	struct rd *r;
	struct rec *rec;
	struct wr *w = NULL;
	long col[F_N];
	int c, has_time, one_pass, two_pass, need_due;
	unsigned modes = 0; /* the MODE_* bits given */
	size_t first_pass = 0, second_pass = 0;
	size_t i;
	char (*text)[32]; /* the derived --by values of a case */

	zl_init("case-stats");
	while ((c = getopt_long(argc, argv, CLI_SHORTOPTS "b:m:", longopts,
		    NULL)) != -1) {
		switch (c) {
		case 'b':
			by = optarg;
			break;
		case 'm':
			opt.metrics = optarg;
			break;
		case OPT_TOTAL:
			opt.total = 1;
			break;
		case OPT_SORT:
			opt.sort = optarg;
			break;
		case OPT_TOP: {
			char *end;

			opt.top = strtol(optarg, &end, 10);
			if (*end != '\0' || opt.top < 0)
				zl_die(ZL_USAGE, _("--top: not a count '%s'"),
				    optarg);
			break;
		}
		case OPT_AS_OF:
			if (date_parse(optarg, strlen(optarg), &opt.as_of,
				&has_time) != 0)
				zl_die(ZL_USAGE, _("--as-of: not a date and time "
						   "'%s'"),
				    optarg);
			break;
		case OPT_CLASSIFY:
			if (optarg == NULL)
				opt.classify = CLASSIFY_OTHER;
			else if (strcmp(optarg, "all") == 0)
				opt.classify = CLASSIFY_ALL;
			else
				zl_die(ZL_USAGE, _("--classify: '%s' (give "
						   "nothing or =all)"),
				    optarg);
			break;
		case OPT_RECORDS:
			opt.mode = MODE_RECORDS;
			modes |= 1u << opt.mode;
			break;
		case OPT_PARTIAL:
			opt.mode = MODE_PARTIAL;
			modes |= 1u << opt.mode;
			break;
		case OPT_MERGE:
			opt.mode = MODE_MERGE;
			modes |= 1u << opt.mode;
			break;
		case OPT_NO_DEDUPE:
			opt.dedupe = 0;
			break;
		default:
			if (!cli_option(c, optarg, help))
				usage();
		}
	}
	if ((modes & (modes - 1)) != 0)
		zl_die(ZL_USAGE, _("--records, --partial and --merge exclude "
				   "each other"));
	if (opt.as_of == NO_TIME)
		opt.as_of = now_in_china();
	cli_setup(&case_stats_section);
	conf_load();
	ro = cli_rd_opts();
	/*
	 * De-duplicating regular files: when the records can be read again by
	 * position, in one pass, the cases that may come twice read again at
	 * the end (one_pass); else in two, the first noting which ids come
	 * more than once, so that only those cases are kept to the end
	 * (two_pass).
	 */
	ro.by_pos = opt.dedupe && opt.mode == MODE_STATS;
	r = rd_open(argc - optind, argv + optind, &ro);
	one_pass = rd_by_pos(r);
	two_pass = opt.dedupe && (opt.mode == MODE_STATS ||
	    opt.mode == MODE_PARTIAL) && !one_pass && rd_again(r);
	if (one_pass)
		seen_init(rd_size(r));
	if (two_pass) {
		struct rd_opts q = ro;
		struct rd *first;
		long id;

		q.quiet = 1;
		q.by_pos = 0;
		first = rd_open(argc - optind, argv + optind, &q);
		if ((id = fld_col(first, "case_id")) >= 0)
			while (rd_next(first, &rec))
				idset_add(case_id_of(rec, id));
		first_pass = idset_done();
		rd_close(first);
	}

	if (opt.mode == MODE_MERGE) {
		if (by != NULL)
			setup_by(NULL, by);
		merge_setup(r);
		out_setup();
		groups_init(opt.nby);
		while (rd_next(r, &rec))
			merge_add(rec);
		rd_close(r);
		out_stats(cli.out_fmt, cli_wr_flags());
		return zl_finish(ZL_OK);
	}

	for (i = 0; i < F_N; i++)
		col[i] = fld_col(r, field_names[i]);
	if (rd_nfields(r) > 0) {
		fld_need(r, "case_id");
		fld_need(r, "reported_at");
		fld_need(r, "status");
	}
	setup_by(r, by);
	out_setup();
	if (opt.nby > 64)
		zl_die(ZL_USAGE, _("--by: more than 64 fields"));
	groups_init(opt.nby);
	text = xcalloc(opt.nby + 1, sizeof *text);
	need_due = out_needs_deadline();
	if (opt.mode == MODE_RECORDS)
		records_header(r, col, &w, cli.out_fmt, cli_wr_flags());

	while (rd_next(r, &rec)) {
		struct kase k;
		long long due;
		uint32_t gid = 0;

		if (rd_nfields(r) == 0)
			continue;
		second_pass++;
		if (!case_parse(rec, col, &k))
			continue;
		if (!period_has(&cli.period, k.reported))
			continue;
		case_classify(rec, col, &k);
		due = need_due ? case_deadline(&k) : NO_TIME;
		if (opt.mode != MODE_RECORDS)
			gid = group_id(rec, &k, col, text);
		if (one_pass) {
			if (rec->pos < 0)
				zl_die_at(ZL_IOERR, rec->file, rec->line,
				    _("the input changed while it was read"));
			acc_add(&group_at(gid)->acc, &k, due);
			seen_add(k.id, rec->pos);
		} else if (two_pass && !idset_twice(k.id))
			acc_add(&group_at(gid)->acc, &k, due);
		else if (opt.dedupe)
			dedupe_put(&k, due, gid,
			    opt.mode == MODE_RECORDS ? records_fields(rec, &k, due) : NULL,
			    rec_nf);
		else if (opt.mode == MODE_RECORDS)
			wr_rec(w, records_fields(rec, &k, due));
		else
			acc_add(&group_at(gid)->acc, &k, due);
	}
	free(text);
	if (one_pass)
		read_again(r, col, need_due);
	rd_close(r);
	idset_free();
	if (two_pass && col[F_CASE_ID] >= 0 && second_pass != first_pass)
		zl_die(ZL_IOERR, _("the input changed while it was read: %zu "
				   "records, then %zu"),
		    first_pass, second_pass);
	if (opt.dedupe) {
		if (opt.mode != MODE_RECORDS)
			dedupe_finish();
		if (dedupe_merged() > 0)
			zl_warn(ngettext("%llu duplicate record merged (a case "
					 "seen more than once counts once, in "
					 "its latest state)",
				    "%llu duplicate records merged (a case seen "
				    "more than once counts once, in its latest "
				    "state)",
				    dedupe_merged()),
			    dedupe_merged());
	}
	if (opt.mode == MODE_RECORDS) {
		struct str *f;
		size_t nf = rec_nf;

		if (opt.dedupe)
			while (dedupe_next_record(&f, &nf))
				wr_rec(w, f);
		wr_close(w);
	} else
		out_stats(cli.out_fmt, cli_wr_flags());
	return zl_finish(ZL_OK);
}
