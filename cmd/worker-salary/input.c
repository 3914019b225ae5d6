/*
 * worker-salary: reading the roster and the monthly items.  Each input is
 * read on its own (their fields differ); a file's header says what it
 * holds: month, monthly items; post without month, the roster; both, a
 * row per worker and month holding the worker's roster fields and the
 * month's items.  Values are checked and kept in data (ws.h); a record
 * that cannot be used is rejected here, but for what needs every record
 * (the roster's workers, a month twice), which pay.c checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/worker-salary/ws.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/money.h"
#include "lib/utf8.h"

struct data data;

/* A value for a message (into b, reset). */
const char *
in_show(struct buf *b, struct str v)
{
	buf_reset(b);
	u8_show(b, v.p, v.n, 40);
	return b->p != NULL ? b->p : "";
}

static long
col_of(struct rd *r, const char *a, const char *b, const char *c)
{
	long i = fld_col(r, a);

	if (i < 0 && b != NULL)
		i = fld_col(r, b);
	if (i < 0 && c != NULL)
		i = fld_col(r, c);
	return i;
}

static void
find_cols(struct rd *r, struct cols *c)
{
	c->id = fld_col(r, "worker_id");
	c->name = col_of(r, "worker_name", "volunteer_name", "name");
	c->community = fld_col(r, "community");
	c->post = fld_col(r, "post");
	c->level = col_of(r, "pay_level", "level", NULL);
	c->hired = fld_col(r, "hired_at");
	c->edu = fld_col(r, "education");
	c->cert = fld_col(r, "certificate");
	c->certat = fld_col(r, "certified_at");
	c->years = fld_col(r, "years_passed");
	c->base = fld_col(r, "base_pay");
	c->cbase = fld_col(r, "contribution_base");
	c->month = fld_col(r, "month");
	c->perf = fld_col(r, "performance");
	c->overtime = fld_col(r, "overtime");
	c->other = fld_col(r, "other_pay");
	c->ded = fld_col(r, "deduction");
	c->absence = fld_col(r, "absence_days");
	c->sad = fld_col(r, "special_additional_deduction");
	c->taxable = fld_col(r, "taxable_ytd");
	c->tax = fld_col(r, "tax_ytd");
}

struct str
in_col(const struct rec *rec, long c)
{
	struct str none = { "", 0 };

	return c < 0 ? none : str_trim(rec->f[c]);
}

/* An id or number field, full-width folded (valid until the next). */
struct str
in_folded(const struct rec *rec, long c)
{
	static struct buf b[2];
	static int k;

	k = !k;
	return str_trim(str_fold(in_col(rec, c), &b[k], NULL));
}

/*
 * The amount in column c named name: 1 and *v (dflt when empty), or 0
 * when rejected (not an amount, or negative).
 */
int
in_amount(const struct rec *rec, long c, const char *name, long long dflt,
    long long *v)
{
	static struct buf b;
	struct str s = in_col(rec, c);

	*v = dflt;
	if (s.n == 0)
		return 1;
	if (money_parse(s.p, s.n, v) != 0) {
		rec_reject(rec, _("field '%s': not an amount ('%s')"), name,
		    in_show(&b, s));
		return 0;
	}
	if (*v < 0) {
		rec_reject(rec, _("field '%s': negative ('%s')"), name,
		    in_show(&b, s));
		return 0;
	}
	if (*v > WS_MAX_FEN) {
		rec_reject(rec, _("field '%s': more than 100000000.00 ('%s')"),
		    name, in_show(&b, s));
		return 0;
	}
	return 1;
}

long
parse_month(struct str s)
{
	static struct buf b;
	long long t;
	long y = 0, m = 0;
	size_t i = 0, k;

	s = str_trim(str_fold(s, &b, NULL));
	if (date_parse(s.p, s.n, &t, NULL) == 0) {
		int yy, mm, dd;

		date_ymd((long)date_floordiv(t, DAY_SECS), &yy, &mm, &dd);
		return yy * 12L + mm - 1;
	}
	for (; i < s.n && i < 4 && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		y = y * 10 + (s.p[i] - '0');
	if (i != 4 || y < 1)
		return -1;
	if (s.n == 6 && s.p[4] >= '0' && s.p[4] <= '9') /* 202403 */
		k = i;
	else if (i < s.n && strchr("-/.", s.p[i]) != NULL)
		k = i + 1;
	else if (s.n - i >= 3 && memcmp(s.p + i, "年", 3) == 0)
		k = i + 3;
	else
		return -1;
	for (i = k; i < s.n && i - k < 2 && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		m = m * 10 + (s.p[i] - '0');
	if (i == k || m < 1 || m > 12)
		return -1;
	if (i < s.n && s.n - i == 3 && memcmp(s.p + i, "月", 3) == 0 &&
	    s.p[k - 1] != '-')
		i += 3;
	return i == s.n ? y * 12 + m - 1 : -1;
}

void
month_fmt(long m, char *buf)
{
	snprintf(buf, 16, "%04ld-%02ld", m / 12 % 10000, m % 12 + 1);
}

/* The items of rec (w: its own worker, or NULL): 1, or 0 when
 * rejected. */
static int
take_items(const struct rec *rec, const struct cols *c, struct worker *w)
{
	static struct buf b;
	struct str id = in_folded(rec, c->id), m = in_col(rec, c->month);
	struct slip s = { 0 };

	if (id.n == 0) {
		rec_reject(rec, _("field 'worker_id': empty"));
		return 0;
	}
	if (m.n == 0) {
		rec_reject(rec, _("field 'month': empty"));
		return 0;
	}
	if ((s.month = parse_month(m)) < 0) {
		rec_reject(rec, _("field 'month': not a month ('%s')"),
		    in_show(&b, m));
		return 0;
	}
	if (!in_amount(rec, c->perf, "performance", 0, &s.perf) ||
	    !in_amount(rec, c->overtime, "overtime", 0, &s.overtime) ||
	    !in_amount(rec, c->other, "other_pay", 0, &s.other) ||
	    !in_amount(rec, c->ded, "deduction", 0, &s.deduction) ||
	    !in_amount(rec, c->sad, "special_additional_deduction", 0,
		&s.sad) ||
	    !in_amount(rec, c->absence, "absence_days", 0, &s.absence))
		return 0;
	if (s.absence > 3100) {
		rec_reject(rec, _("field 'absence_days': more than 31 ('%s')"),
		    in_show(&b, in_col(rec, c->absence)));
		return 0;
	}
	s.w = w;
	s.own = w != NULL;
	s.id = xstrndup(id.p, id.n);
	s.seq = data.nslips;
	s.rec = rec_keep(rec);
	if (data.nslips == data.capslips)
		data.slips = xgrow(data.slips, &data.capslips, 256,
		    sizeof *data.slips);
	data.slips[data.nslips++] = s;
	return 1;
}

/* A row of the --ytd file: the state after its month. */
static void
take_ytd(const struct rec *rec, const struct cols *c)
{
	static struct buf b;
	struct str id = in_folded(rec, c->id), m = in_col(rec, c->month);
	struct ytd y = { 0 };
	struct str t = in_col(rec, c->taxable);

	if (id.n == 0) {
		rec_reject(rec, _("field 'worker_id': empty"));
		return;
	}
	if ((y.month = parse_month(m)) < 0) {
		rec_reject(rec, _("field 'month': not a month ('%s')"),
		    in_show(&b, m));
		return;
	}
	if (money_parse(t.p, t.n, &y.taxable) != 0 ||
	    y.taxable > 100 * WS_MAX_FEN || y.taxable < -100 * WS_MAX_FEN) {
		rec_reject(rec, _("field 'taxable_ytd': not an amount ('%s')"),
		    in_show(&b, t));
		return;
	}
	if (!in_amount(rec, c->tax, "tax_ytd", 0, &y.tax))
		return;
	y.id = xstrndup(id.p, id.n);
	if (data.nytd == data.capytd)
		data.ytd = xgrow(data.ytd, &data.capytd, 256, sizeof *data.ytd);
	data.ytd[data.nytd++] = y;
}

static void
read_file(struct rd *r, int ytd)
{
	static const char *const need_ytd[] = { "worker_id", "month",
		"taxable_ytd", "tax_ytd", NULL };
	const char *need[4] = { "worker_id", NULL, NULL, NULL };
	struct cols c;
	struct rec *rec;
	size_t n = 0;

	memset(&c, 0xFF, sizeof c); /* -1: none */
	if (rd_nfields(r) > 0) {
		find_cols(r, &c);
		if (ytd)
			fld_need_all(r, need_ytd);
		else if (c.month < 0 && c.post < 0)
			zl_die_at(ZL_IOERR, rd_file(r), 1,
			    _("neither the field 'month' (月份) nor 'post' "
			      "(岗位): not monthly items or a roster"));
		need[1] = c.month >= 0 ? "month" : "post";
		need[2] = c.month >= 0 && c.post >= 0 ? "post" : NULL;
		fld_need_all(r, need);
	}
	while (rd_next(r, &rec)) {
		struct worker *w = NULL;

		n++;
		if (ytd)
			take_ytd(rec, &c);
		else if (c.month < 0)
			take_worker(rec, &c);
		else if ((c.post < 0 || (w = worker_of(rec, &c)) != NULL) &&
		    !take_items(rec, &c, w))
			worker_free(w);
	}
	if (n == 0)
		rd_say_empty(r);
}

static struct rd **readers;
static size_t nreaders;

static int
by_worker_id(const void *a, const void *b)
{
	const struct worker *x = *(struct worker *const *)a;
	const struct worker *y = *(struct worker *const *)b;
	int d = strcmp(x->id, y->id);

	return d != 0 ? d : (x->seq > y->seq) - (x->seq < y->seq);
}

static int
by_ytd(const void *a, const void *b)
{
	const struct ytd *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	return d != 0 ? d : (x->month > y->month) - (x->month < y->month);
}

/* The roster sorted by id, a worker twice rejected (the later row). */
static void
roster_sort(void)
{
	size_t i, n = 0;

	if (data.nroster > 1)
		qsort(data.roster, data.nroster, sizeof *data.roster,
		    by_worker_id);
	for (i = 0; i < data.nroster; i++) {
		struct worker *w = data.roster[i];

		if (n == 0 || strcmp(data.roster[n - 1]->id, w->id) != 0) {
			data.roster[n++] = w;
			continue;
		}
		rec_reject(w->rec,
		    _("worker '%s' twice in the roster (first at %s:%ld)"),
		    w->id, data.roster[n - 1]->rec->file,
		    data.roster[n - 1]->rec->line);
		worker_free(w);
	}
	data.nroster = n;
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
roster_rejected(const char *id)
{
	return data.nrejected > 0 &&
	    bsearch(&id, data.rejected, data.nrejected, sizeof *data.rejected,
		by_str) != NULL;
}

/* The --ytd state sorted by id, the last month of each kept. */
static void
ytd_sort(void)
{
	size_t i, n = 0;

	if (data.nytd > 1)
		qsort(data.ytd, data.nytd, sizeof *data.ytd, by_ytd);
	for (i = 0; i < data.nytd; i++) {
		if (n > 0 && strcmp(data.ytd[n - 1].id, data.ytd[i].id) == 0)
			free(data.ytd[--n].id);
		data.ytd[n++] = data.ytd[i];
	}
	data.nytd = n;
}

void
input_read(int nfiles, char *const *files)
{
	static char *const std[] = { "-" };
	struct rd_opts ro = cli_rd_opts();
	char *ytd[1];
	int i;

	if (nfiles == 0) {
		nfiles = 1;
		files = std;
	}
	nreaders = (size_t)nfiles + (opt.ytd != NULL);
	readers = xcalloc(nreaders, sizeof *readers);
	for (i = 0; i < nfiles; i++) {
		readers[i] = rd_open(1, files + i, &ro);
		read_file(readers[i], 0);
	}
	if (opt.ytd != NULL) {
		ytd[0] = (char *)opt.ytd;
		readers[nfiles] = rd_open(1, ytd, &ro);
		read_file(readers[nfiles], 1);
	}
	roster_sort();
	ytd_sort();
	if (data.nrejected > 1)
		qsort(data.rejected, data.nrejected, sizeof *data.rejected,
		    by_str);
}

struct worker *
roster_find(const char *id)
{
	size_t lo = 0, hi = data.nroster, mid;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = strcmp(data.roster[mid]->id, id);
		if (d == 0)
			return data.roster[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct ytd *
ytd_find(const char *id)
{
	size_t lo = 0, hi = data.nytd, mid;
	int d;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		d = strcmp(data.ytd[mid].id, id);
		if (d == 0)
			return &data.ytd[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void
input_close(void)
{
	size_t i;

	for (i = 0; i < nreaders; i++)
		rd_close(readers[i]);
	free(readers);
	readers = NULL;
}
