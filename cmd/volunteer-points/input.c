/*
 * volunteer-points: reading the service records and redemptions.  Each
 * input is read on its own (their fields differ); a file's header says
 * what it holds: hours, service records; points, redemptions; both, each
 * row one or the other.  Values are checked and kept in data (vp.h); a
 * record that cannot be used is rejected here, but for a redemption's
 * balance and volunteer, which ledger.c checks (red_reject).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/hours.h"
#include "lib/money.h"
#include "lib/utf8.h"

struct data data;

/* The columns of a file's fields (-1: none). */
struct cols {
	long id, name, team, project, date, hours, kind, verified, points, item;
};

static uint32_t *kind_ids; /* the kinds' names in data.strs */

/* A value for a message (into b, reset). */
static const char *
show(struct buf *b, struct str v)
{
	buf_reset(b);
	u8_show(b, v.p, v.n, 40);
	return b->p != NULL ? b->p : "";
}

static void
find_cols(struct rd *r, struct cols *c)
{
	c->id = fld_col(r, "volunteer_id");
	c->name = fld_col(r, "volunteer_name");
	if (c->name < 0)
		c->name = fld_col(r, "name");
	c->team = fld_col(r, "team");
	c->project = fld_col(r, "project");
	c->date = fld_col(r, "date");
	c->hours = fld_col(r, "hours");
	c->kind = fld_col(r, "kind");
	c->verified = fld_col(r, "verified");
	c->points = fld_col(r, "points");
	c->item = fld_col(r, "item");
}

/* The fields a file of this header needs (exit 3 naming those missing). */
static void
need_cols(struct rd *r, const struct cols *c)
{
	const char *need[6];
	size_t n = 0;

	if (c->hours < 0 && c->points < 0)
		zl_die_at(ZL_IOERR, rd_file(r), 1,
		    _("neither the field 'hours' (服务时长) nor 'points' "
		      "(兑换积分): not service records or redemptions"));
	need[n++] = "volunteer_id";
	need[n++] = "date";
	need[n] = NULL;
	fld_need_all(r, need);
	if (c->hours >= 0 && c->kind < 0 && rules.dflt_mult < 0)
		zl_die_at(ZL_IOERR, rd_file(r), 1,
		    _("no field 'kind' (服务类型, 类型, 服务类别): service "
		      "records need their kind, or a multiplier for all: set "
		      "volunteer-points.default-multiplier in the "
		      "configuration"));
}

static struct str
col(const struct rec *rec, long c)
{
	struct str none = { "", 0 };

	return c < 0 ? none : str_trim(rec->f[c]);
}

static int
is_verified(struct str v)
{
	size_t i;

	for (i = 0; rules.verified[i] != NULL; i++)
		if (str_eqi(v, rules.verified[i]) &&
		    strlen(rules.verified[i]) == v.n)
			return 1;
	return 0;
}

/* The kind's index (rules.nkinds: the default multiplier), or -1. */
static int
kind_of(struct str k)
{
	size_t i;

	for (i = 0; i < rules.nkinds; i++)
		if (strlen(rules.kinds[i].name) == k.n &&
		    memcmp(rules.kinds[i].name, k.p, k.n) == 0)
			return (int)i;
	return rules.dflt_mult >= 0 ? (int)rules.nkinds : -1;
}

static void
unknown_kind(const struct rec *rec, struct str k)
{
	static struct buf b, list;
	const char **names = xcalloc(rules.nkinds + 1, sizeof *names);
	const char *near;
	size_t i;

	buf_reset(&list);
	for (i = 0; i < rules.nkinds; i++) {
		names[i] = rules.kinds[i].name;
		buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
	}
	show(&b, k);
	near = k.n > 0 ? u8_nearest(b.p, names) : NULL;
	if (k.n == 0)
		rec_reject(rec,
		    _("field 'kind': empty (the kinds: %s; or set "
		      "volunteer-points.default-multiplier)"),
		    list.p != NULL ? list.p : "");
	else if (near != NULL)
		rec_reject(rec,
		    _("field 'kind': unknown kind '%s' (did you mean '%s'?)"),
		    b.p, near);
	else
		rec_reject(rec,
		    _("field 'kind': unknown kind '%s' (the kinds: %s; add "
		      "it to volunteer-points.kinds with its multiplier)"),
		    b.p, list.p != NULL ? list.p : "");
	free(names);
}

void *
vp_alloc(size_t n)
{
	return n >= (2u << 20) ? xhuge(n) : xmalloc(n);
}

/*
 * p (*cap items of size bytes) grown to twice as many, in huge pages (a
 * million records: a fault every 2 MiB, not every 4 KiB).
 */
static void *
grow_huge(void *p, size_t *cap, size_t size)
{
	size_t n = *cap == 0 ? (1u << 21) / size : *cap * 2;
	void *q = vp_alloc(n * size);

	if (*cap > 0)
		memcpy(q, p, *cap * size);
	free(p);
	*cap = n;
	return q;
}

/*
 * Room for the records of a file of size bytes, at once (records of 32
 * bytes or more; ids and names of a quarter of the bytes at most): no
 * copy as the tables grow.  What is not used is never touched.
 */
static void
reserve(unsigned long long size)
{
	size_t more = (size_t)(size / 32), cap;
	void *p;

	if (data.capsvc - data.nsvc < more) {
		cap = data.nsvc + more;
		p = vp_alloc(cap * sizeof *data.svc);
		if (data.nsvc > 0)
			memcpy(p, data.svc, data.nsvc * sizeof *data.svc);
		free(data.svc);
		data.svc = p;
		data.capsvc = cap;
	}
	more = (size_t)(size / 4);
	if (data.captext - data.ntext < more) {
		cap = data.ntext + more;
		p = vp_alloc(cap);
		if (data.ntext > 0)
			memcpy(p, data.text, data.ntext);
		free(data.text);
		data.text = p;
		data.captext = cap;
	}
}

/* Keep the id and the name (may be empty) in data.text: the offset. */
static uint64_t
keep_text(struct str id, struct str name)
{
	size_t at = data.ntext;

	if (id.n > 0xFFFFFFFFu || name.n > 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("a value of more than 4 GiB"));
	while (data.ntext + id.n + name.n > data.captext)
		data.text = grow_huge(data.text, &data.captext, 1);
	memcpy(data.text + at, id.p, id.n);
	if (name.n > 0)
		memcpy(data.text + at + id.n, name.p, name.n);
	data.ntext += id.n + name.n;
	return at;
}

/* The common fields: volunteer id and time; 0 when rejected. */
static int
id_time(const struct rec *rec, const struct cols *c, struct str *id,
    long long *t)
{
	static struct buf b, idb; /* idb: the id, folded, until the next */
	struct str d = col(rec, c->date);
	char day[24];

	*id = str_trim(str_fold(col(rec, c->id), &idb, NULL));
	if (id->n == 0) {
		rec_reject(rec, _("field 'volunteer_id': empty"));
		return 0;
	}
	if (d.n == 0) {
		rec_reject(rec, _("field 'date': empty"));
		return 0;
	}
	if (date_parse(d.p, d.n, t, NULL) != 0) {
		rec_reject(rec, _("field 'date': not a date ('%s')"),
		    show(&b, d));
		return 0;
	}
	if (date_floordiv(*t, DAY_SECS) > opt.as_of) {
		date_format(opt.as_of * DAY_SECS, 0, day);
		rec_reject(rec, _("field 'date': after --as-of %s ('%s')"), day,
		    show(&b, d));
		return 0;
	}
	return 1;
}

static void
take_service(const struct rec *rec, const struct cols *c, uint16_t file)
{
	static struct buf b;
	struct str id, k = col(rec, c->kind), name = col(rec, c->name);
	long long t, h;
	struct svc *s;
	int kind, day, tod;

	if (!id_time(rec, c, &id, &t))
		return;
	if (col(rec, c->hours).n == 0) {
		rec_reject(rec, _("field 'hours': empty"));
		return;
	}
	switch (hours_parse(col(rec, c->hours), &h)) {
	case -1:
		rec_reject(rec,
		    _("field 'hours': not a number of hours ('%s')"),
		    show(&b, col(rec, c->hours)));
		return;
	case -2:
		rec_reject(rec,
		    _("field 'hours': more than 0 and at most 24 in one "
		      "record ('%s')"),
		    show(&b, col(rec, c->hours)));
		return;
	}
	if ((kind = kind_of(k)) < 0) {
		unknown_kind(rec, k);
		return;
	}
	day = (int)date_floordiv(t, DAY_SECS);
	tod = (int)(t - (long long)day * DAY_SECS);
	if (data.nsvc == data.capsvc)
		data.svc = grow_huge(data.svc, &data.capsvc, sizeof *data.svc);
	s = &data.svc[data.nsvc++];
	s->h = (uint32_t)(str_hash(id.p, id.n, 0) >> 32);
	s->idlen = (uint32_t)id.n;
	s->namelen = (uint32_t)name.n;
	s->day = day;
	s->tod = tod;
	s->hours = (uint32_t)h;
	s->project = intern_put(data.strs, col(rec, c->project));
	s->team = intern_put(data.strs, col(rec, c->team));
	s->line = rec->line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)rec->line;
	s->file = file;
	s->kind = (uint8_t)kind;
	s->ktext = kind < (int)rules.nkinds ? kind_ids[kind] :
					      intern_put(data.strs, k);
	s->text = keep_text(id, name);
	s->flags = c->verified < 0 || is_verified(col(rec, c->verified)) ?
	    S_VERIFIED :
	    0;
	data.used++;
}

static void
take_redemption(const struct rec *rec, const struct cols *c)
{
	static struct buf b;
	struct str id, pt = col(rec, c->points);
	long long t, p;
	struct red *d;

	if (!id_time(rec, c, &id, &t))
		return;
	if (money_parse(pt.p, pt.n, &p) != 0 || p <= 0) {
		rec_reject(rec,
		    _("field 'points': not a number of points more than 0 "
		      "with at most two decimals ('%s')"),
		    show(&b, pt));
		return;
	}
	if (data.nred == data.capred)
		data.red = xgrow(data.red, &data.capred, 1024,
		    sizeof *data.red);
	d = &data.red[data.nred++];
	d->text = keep_text(id, (struct str) { "", 0 });
	d->idlen = (uint32_t)id.n;
	d->day = (int32_t)date_floordiv(t, DAY_SECS);
	d->tod = (int32_t)(t - (long long)d->day * DAY_SECS);
	d->points = p;
	d->item = intern_put(data.strs, col(rec, c->item));
	d->rec = rec_keep(rec);
	data.used++;
}

/* One record of a file whose header has both hours and points. */
static void
take_either(const struct rec *rec, const struct cols *c, uint16_t file)
{
	int h = c->hours >= 0 && col(rec, c->hours).n > 0;
	int p = c->points >= 0 && col(rec, c->points).n > 0;

	if (h && p)
		rec_reject(rec,
		    _("both hours and points: a record is a service or a "
		      "redemption, not both"));
	else if (h || c->points < 0)
		take_service(rec, c, file);
	else if (p || c->hours < 0)
		take_redemption(rec, c);
	else
		rec_reject(rec,
		    _("neither hours nor points: a record is a service or "
		      "a redemption"));
}

static void
read_file(struct rd *r, uint16_t file)
{
	struct cols c;
	struct rec *rec;
	size_t n = 0;

	memset(&c, 0xFF, sizeof c); /* -1: none */
	if (rd_nfields(r) > 0) {
		find_cols(r, &c);
		need_cols(r, &c);
	}
	while (rd_next(r, &rec)) {
		if (n++ == 0)
			data.files[file] = rec->file;
		if (c.hours >= 0 && c.points >= 0)
			take_either(rec, &c, file);
		else if (c.hours >= 0)
			take_service(rec, &c, file);
		else
			take_redemption(rec, &c);
	}
	if (n == 0)
		rd_say_empty(r);
}

static struct rd **readers;

void
input_read(int nfiles, char *const *files)
{
	static char *const std[] = { "-" };
	static const char *const need[] = { "volunteer_id", "date",
		"hours|points", NULL };
	struct rd_opts ro = cli_rd_opts();
	int i;

	if (nfiles == 0) {
		nfiles = 1;
		files = std;
	}
	if (nfiles > 0xFFFF)
		zl_die(ZL_USAGE, _("more than 65535 input files"));
	data.ids = intern_new();
	data.strs = intern_new();
	data.names = intern_new();
	kind_ids = xcalloc(rules.nkinds + 1, sizeof *kind_ids);
	for (i = 0; i < (int)rules.nkinds; i++)
		kind_ids[i] = intern_put(data.strs, str_c(rules.kinds[i].name));
	data.files = xcalloc((size_t)nfiles, sizeof *data.files);
	data.nfiles = (size_t)nfiles;
	readers = xcalloc((size_t)nfiles, sizeof *readers);
	ro.need = need; /* the header under title rows */
	for (i = 0; i < nfiles; i++) {
		readers[i] = rd_open(1, files + i, &ro);
		data.files[i] = rd_file(readers[i]);
		reserve(rd_size(readers[i]));
		read_file(readers[i], (uint16_t)i);
	}
	input_group();
}

void
red_reject(const struct red *d, const char *reason, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	rec_reject_as(d->rec, reason, "%s", msg.p);
	buf_free(&msg);
}

void
input_close(void)
{
	size_t i;

	for (i = 0; i < data.nfiles; i++)
		rd_close(readers[i]);
	free(readers);
	readers = NULL;
}

void
input_reset(void)
{
	size_t i;

	if (readers != NULL)
		input_close();
	for (i = 0; i < data.nred; i++)
		free(data.red[i].rec);
	free(data.svc);
	free(data.red);
	free(data.vol);
	free(data.text);
	free(data.order);
	free(data.files);
	intern_free(data.ids);
	intern_free(data.strs);
	intern_free(data.names);
	free(kind_ids);
	kind_ids = NULL;
	memset(&data, 0, sizeof data);
}
