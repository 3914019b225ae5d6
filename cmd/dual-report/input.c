/*
 * dual-report: reading the members, the units and the activities.  Each
 * input is read on its own (their fields differ), its kind told by its
 * header: date, activities; else member_id, members; else unit with
 * community, registered_at or projects, units.  Every input is opened
 * first (its header read); the members and units files are read before
 * the activities files, so that each activity is judged as it is read,
 * its member or unit known.  Values are checked and kept in data (dr.h);
 * a record that cannot be used is rejected here.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/dual-report/dr.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/hours.h"
#include "lib/utf8.h"

#define MERGED_SHOWN 10

struct data data;

enum kind { K_NONE, K_MEMBERS, K_UNITS, K_ACTS };

/* The columns of a file's fields (-1: none). */
struct cols {
	long id, name, unit, comm, street, reg, listed, phone, projects, date,
	    what, hours, solved;
};

/*
 * The texts of the rows last numbered (activity, community, street, hours),
 * as the rows have them, by a hash of their ends: a few kinds of activity
 * and communities take turns, each found here by a compare, rather than
 * folded, hashed and looked up in a table.  A text is its length and its
 * ends (its first and last 8 bytes, overlapping, or up to 7 bytes in
 * end[0]), and the bytes between them when it is longer than 16.
 */
#define NCACHED	    1024 /* entries of a cache, 1 << CACHED_BITS */
#define CACHED_BITS 10
#define UNITS_BITS                                         \
	12 /* the units of activities' rows: 4096 entries, \
	      a district's units */
#define CACHED_MAX 43
struct ends {
	uint64_t end[2];
};
struct cached {
	struct ends e;
	uint32_t num;
	uint8_t n; /* the text's length + 1; 0: none */
	char mid[CACHED_MAX - 16];
};
/* (each thread's: the activities of a file are read by threads, jobs.c) */
static _Thread_local struct cached whats[NCACHED], comms[NCACHED],
    streets[NCACHED], hours[NCACHED], units[1 << UNITS_BITS];

/* The units of members' rows taken in parts (jobs.c), by the hash of
 * their text folded (the thread's that read the row), with their number
 * (the main thread's; names of any length, many longer than a struct
 * cached holds). */
static struct munit {
	unsigned long long hv;
	uint32_t num; /* + 1; 0: none */
} munits[1 << UNITS_BITS];

/*
 * A thread's buffers: an activity's member id folded, a value folded, a
 * value shown in a message (a worker's freed as it ends: input_thread_end).
 */
static _Thread_local struct {
	struct buf id, val, msg;
} tb;

/* What threads share, taken in turns: the interns of activities' texts,
 * communities and streets, and lib/hours (a buffer of its own). */
static pthread_mutex_t shared = PTHREAD_MUTEX_INITIALIZER;

void
input_thread_end(void)
{
	buf_free(&tb.id);
	buf_free(&tb.val);
	buf_free(&tb.msg);
}

/* hours_parse, in turns. */
static int
hours_of(struct str s, long long *v)
{
	int r;

	pthread_mutex_lock(&shared);
	r = hours_parse(s, v);
	pthread_mutex_unlock(&shared);
	return r;
}

static struct ends
ends_of(struct str s)
{
	struct ends x = { { 0, 0 } };
	size_t i;

	if (s.n >= 8) {
		memcpy(&x.end[0], s.p, 8);
		memcpy(&x.end[1], s.p + s.n - 8, 8);
	} else
		for (i = 0; i < s.n; i++)
			x.end[0] = x.end[0] << 8 | (unsigned char)s.p[i];
	return x;
}

/* The streets that activities' rows name, with the activity's number:
 * given to their communities once the duplicates are known. */
static struct astreet {
	uint32_t act, street;
} * astreets;
static size_t nastreets, capastreets;

static struct rd **readers;
/* Each input's columns and kind while they are read (input_read). */
static struct cols *cols;
static enum kind *kinds;

static void
find_cols(struct rd *r, struct cols *c)
{
	c->id = fld_col(r, "member_id");
	c->name = fld_col_first(r, "member_name|volunteer_name|name");
	c->unit = fld_col(r, "unit");
	c->comm = fld_col(r, "community");
	c->street = fld_col(r, "street");
	c->reg = fld_col(r, "registered_at");
	c->listed = fld_col(r, "listed_at");
	c->phone = fld_col(r, "phone");
	c->projects = fld_col(r, "projects");
	c->date = fld_col(r, "date");
	c->what = fld_col(r, "activity");
	c->hours = fld_col(r, "hours");
	c->solved = fld_col(r, "solved");
}

/*
 * "; the header has 'A', 'B'": the names of r's header, for the message of a
 * file of no kind; when one name alone is not empty, it may be a title
 * line above a header that is not among the first 20 lines: said.
 */
static const char *
header_has(const struct rd *r)
{
	static struct buf b;
	const struct str *h = rd_names(r);
	size_t i, n = rd_nfields(r), named = 0;

	buf_reset(&b);
	buf_adds(&b, _("; the header has "));
	for (i = 0; i < n && i < 20; i++) {
		buf_adds(&b, i > 0 ? ", '" : "'");
		u8_show(&b, h[i].p, h[i].n, 40);
		buf_addc(&b, '\'');
		named += str_trim(h[i]).n > 0;
	}
	if (i < n)
		buf_adds(&b, ", ...");
	if (named == 1)
		buf_adds(&b,
		    _(" (a title line? the header must be one of the "
		      "first 20 lines, naming the fields)"));
	return b.p;
}

/* The kind of a file of this header (exit 3 naming what it lacks). */
static enum kind
kind_of(struct rd *r, const struct cols *c)
{
	static const char *const mneed[] = { "member_id", "unit", "community",
		NULL };

	/* every report of dual-report has the early column, no input has */
	if (fld_col(r, "early") >= 0)
		zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
		    _("a report of dual-report (its field 'early', 报到前活动), "
		      "not members, units or activities: leave it out of the "
		      "input files"));
	if (c->date >= 0) {
		if (c->id < 0 && c->unit < 0)
			zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
			    _("activities with neither the field 'member_id' "
			      "(党员编号) nor 'unit' (工作单位): an activity "
			      "names its member or its unit"));
		return K_ACTS;
	}
	if (c->id >= 0) {
		fld_need_all(r, mneed);
		return K_MEMBERS;
	}
	if (c->unit >= 0 && (c->comm >= 0 || c->reg >= 0 || c->projects >= 0))
		return K_UNITS;
	zl_die_at(ZL_IOERR, rd_file(r), rd_header_line(r),
	    _("not activities, members or units: no field 'date' (日期, "
	      "activities), 'member_id' (党员编号, members), or 'unit' "
	      "(工作单位) with 'community' (社区), 'registered_at' (报到时间) "
	      "or 'projects' (共建项目数, units)%s"),
	    header_has(r));
}

/* (always inlined: some seven a row, in every thread) */
static inline __attribute__((always_inline)) struct str
col(const struct rec *rec, long c)
{
	struct str none = { "", 0 };

	return c < 0 ? none : str_trim(rec->f[c]);
}

/* An id field, trimmed and full-width folded (in b: valid until its
 * next use). */
static struct str
folded(const struct rec *rec, long c, struct buf *b)
{
	return str_trim(str_fold(col(rec, c), b, NULL));
}

/* The number of s in t, or DR_NONE for the empty string. */
static uint32_t
put_or_none(struct intern *t, struct str s)
{
	return s.n == 0 ? DR_NONE : intern_put(t, s);
}

/*
 * The day of date d (not empty): 1 and *day, or 0 when it is none.  The
 * dates read (of 16 bytes or fewer) are remembered by a hash of their
 * ends: the rows of a day often follow, and a roster's dates are those of
 * a few years, each read many times.
 */
#define DATES_BITS 12
static int
day_parse(struct str d, int32_t *day)
{
	static _Thread_local struct dated {
		struct ends e;
		int32_t day;
		uint32_t n; /* d's length; 0: none */
	} dates[1 << DATES_BITS];
	struct ends x = ends_of(d);
	struct dated *e =
	    &dates[((x.end[0] * 0x9E3779B97F4A7C15ULL ^ x.end[1]) *
		       0xbf58476d1ce4e5b9ULL) >>
		(64 - DATES_BITS)];
	long long t;

	if (e->n == d.n && e->e.end[0] == x.end[0] && e->e.end[1] == x.end[1]) {
		*day = e->day;
		return 1;
	}
	if (date_parse(d.p, d.n, &t, NULL) != 0)
		return 0;
	*day = (int32_t)date_floordiv(t, DAY_SECS);
	if (d.n <= 16) {
		e->e = x;
		e->n = (uint32_t)d.n;
		e->day = *day;
	}
	return 1;
}

/* A date field: 1 and its day (DR_NODAY when empty), or 0: rejected. */
static int
day_of(const struct rec *rec, long c, const char *name, int32_t *day)
{
	struct str d = col(rec, c);

	*day = DR_NODAY;
	if (d.n == 0 || day_parse(d, day))
		return 1;
	rec_reject(rec, _("field '%s': not a date ('%s')"), name,
	    u8_shown(&tb.msg, d));
	return 0;
}

/* A whole number of 0 or more (empty: 0): 1 and *v, or 0: rejected. */
static int
whole(const struct rec *rec, long c, const char *name, uint32_t *v)
{
	struct str s = folded(rec, c, &tb.val);
	size_t i;

	*v = 0;
	for (i = 0; i < s.n && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		if (*v < 1000000000u)
			*v = *v * 10 + (uint32_t)(s.p[i] - '0');
	if (i == s.n && *v < 1000000000u)
		return 1;
	rec_reject(rec, _("field '%s': not a whole number of 0 or more ('%s')"),
	    name, u8_shown(&tb.msg, col(rec, c)));
	return 0;
}

static uint32_t
pos_line(const struct rec *rec)
{
	return rec->line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)rec->line;
}

void
note_merged(int kind, uint16_t file, uint32_t line, uint16_t kfile,
    uint32_t kline)
{
	struct merge *m;

	if (data.nmerged[kind] == data.capmerged[kind])
		data.merged[kind] = xgrow(data.merged[kind],
		    &data.capmerged[kind], 64, sizeof *data.merged[kind]);
	m = &data.merged[kind][data.nmerged[kind]++];
	m->file = file;
	m->line = line;
	m->kfile = kfile;
	m->kline = kline;
}

/* The community comm named with street by the row at file, line: the
 * community's street when it is the first such row read. */
void
set_street(uint32_t comm, uint32_t street, uint16_t file, uint32_t line)
{
	struct comm *c = &data.comm[comm];

	c->used = 1;
	if (street == DR_NONE)
		return;
	if (c->street == DR_NONE || file < c->file ||
	    (file == c->file && line < c->line)) {
		c->street = street;
		c->file = file;
		c->line = line;
	}
}

/* Room in the tables for the numbers the interns gave. */
static void
make_room(void)
{
	size_t n;

	n = intern_len(data.ids);
	if (n > data.capmem) {
		data.mem = xreallocarray(data.mem, n * 2, sizeof *data.mem);
		data.capmem = n * 2;
	}
	while ((n = intern_len(data.units)) > data.capunit) {
		data.unit = xreallocarray(data.unit, n * 2, sizeof *data.unit);
		for (; data.capunit < n * 2; data.capunit++) {
			struct unit *u = &data.unit[data.capunit];

			memset(u, 0, sizeof *u);
			u->comm = u->street = DR_NONE;
			u->reg = DR_NODAY;
		}
	}
	while ((n = intern_len(data.comms)) > data.capcomm) {
		data.comm = xreallocarray(data.comm, n * 2, sizeof *data.comm);
		for (; data.capcomm < n * 2; data.capcomm++) {
			data.comm[data.capcomm].street = DR_NONE;
			data.comm[data.capcomm].used = 0;
			data.comm[data.capcomm].rowacts = 0;
		}
	}
}

/* The number of unit s (interned), with its place in data.unit. */
static uint32_t
unit_num(struct str s)
{
	uint32_t u = intern_put(data.units, s);

	if (u >= data.capunit)
		make_room();
	return u;
}

/* The number of community s (interned), with its place in data.comm;
 * DR_NONE for the empty string. */
static uint32_t
comm_num(struct str s)
{
	uint32_t c = put_or_none(data.comms, s);

	if (c != DR_NONE && c >= data.capcomm)
		make_room();
	return c;
}

/* The entry of text s in cache c (of 1 << bits entries); 1 when it
 * holds s. */
static int
cached_in(struct cached *c, int bits, struct str s, struct cached **e)
{
	struct ends x = ends_of(s);

	*e = &c[((x.end[0] * 0x9E3779B97F4A7C15ULL ^ x.end[1]) *
			0xbf58476d1ce4e5b9ULL ^
		    s.n) >>
	    (64 - bits)];
	return (*e)->n == s.n + 1 && (*e)->e.end[0] == x.end[0] &&
	    (*e)->e.end[1] == x.end[1] &&
	    (s.n <= 16 || memcmp((*e)->mid, s.p + 8, s.n - 16) == 0);
}

static int
cached(struct cached *c, struct str s, struct cached **e)
{
	return cached_in(c, CACHED_BITS, s, e);
}

static void
cache(struct cached *e, struct str s, uint32_t num)
{
	if (s.n < CACHED_MAX) {
		e->e = ends_of(s);
		if (s.n > 16)
			memcpy(e->mid, s.p + 8, s.n - 16);
		e->n = (uint8_t)(s.n + 1);
		e->num = num;
	}
}

/* The community (street: the street) named row (trimmed, as a row has
 * it): its number, or DR_NONE. */
static uint32_t
place_num(struct str row, int street)
{
	struct cached *e;
	struct str f;
	uint32_t n;

	if (row.n == 0)
		return DR_NONE;
	if (cached(street ? streets : comms, row, &e))
		return e->num;
	pthread_mutex_lock(&shared);
	f = str_trim(str_fold(row, &tb.val, NULL));
	n = street ? put_or_none(data.streets, f) : comm_num(f);
	pthread_mutex_unlock(&shared);
	if (n != DR_NONE)
		cache(e, row, n);
	return n;
}

/* The community (street: the street) a row names in column c (its
 * number), or DR_NONE. */
static uint32_t
col_place(const struct rec *rec, long c, int street)
{
	return place_num(col(rec, c), street);
}

static uint32_t
col_comm(const struct rec *rec, long c)
{
	return col_place(rec, c, 0);
}

static uint32_t
col_street(const struct rec *rec, long c)
{
	return col_place(rec, c, 1);
}

/* ---- members ---- */

/* A member's row, checked: 1 and its values in m, its id, its name and
 * phone (name[0], name[1]: kept when the member is new), or 0:
 * rejected. */
static int
member_row(const struct rec *rec, const struct cols *c, struct member *m,
    struct str *id, struct str *name)
{
	static struct buf idb, b;
	struct str unit;

	*id = folded(rec, c->id, &idb);
	if (id->n == 0) {
		rec_reject(rec, _("field 'member_id': empty"));
		return 0;
	}
	unit = folded(rec, c->unit, &b);
	if (unit.n == 0) {
		rec_reject(rec, _("field 'unit': empty"));
		return 0;
	}
	m->unit = unit_num(unit);
	if (!day_of(rec, c->reg, "registered_at", &m->reg) ||
	    !day_of(rec, c->listed, "listed_at", &m->listed))
		return 0;
	m->comm = col_comm(rec, c->comm);
	if (m->reg != DR_NODAY && m->comm == DR_NONE) {
		rec_reject(rec,
		    _("registered with no community (field 'community' "
		      "empty)"));
		return 0;
	}
	m->street = col_street(rec, c->street);
	name[0] = col(rec, c->name);
	name[1] = folded(rec, c->phone, &b);
	return 1;
}
/* s kept in data.text: where (its length in the 4 bytes before it). */
static uint32_t
text_put(struct str s)
{
	uint32_t n = (uint32_t)s.n;
	size_t at = data.text.n + 4;

	if (at + s.n >= 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("more than 4 GiB of names and phones"));
	/* (no buf_add: two calls a text, 200,000 texts) */
	buf_grow(&data.text, s.n + 4);
	memcpy(data.text.p + data.text.n, &n, 4);
	memcpy(data.text.p + at, s.p, s.n);
	data.text.n = at + s.n;
	data.text.p[data.text.n] = '\0';
	return (uint32_t)at;
}

struct str
text_get(uint32_t at)
{
	uint32_t n;

	memcpy(&n, data.text.p + at - 4, 4);
	return (struct str) { data.text.p + at, n };
}

static int
same_str(struct str a, struct str b)
{
	return a.n == b.n && memcmp(a.p, b.p, a.n) == 0;
}

/* Member a's row the same as member b's, whose name and phone are kept
 * (a's are name[0] and name[1]). */
static int
same_member(const struct member *a, const struct str *name,
    const struct member *b)
{
	return a->unit == b->unit && a->comm == b->comm &&
	    a->street == b->street && a->reg == b->reg &&
	    a->listed == b->listed && same_str(name[0], text_get(b->name)) &&
	    same_str(name[1], text_get(b->phone));
}

/*
 * Member m of id id (its hash hv), name and phone name[0], name[1], of
 * the row at file, line: kept, or merged into the same member read
 * before: -1; else the number of the member of that id read before (the
 * row to be rejected).
 */
static long long
member_add(struct member *m, struct str id, unsigned long long hv,
    const struct str *name, uint16_t file, uint32_t line)
{
	uint32_t i, n = intern_len(data.ids);

	if ((i = intern_put_hashed(data.ids, id, hv)) < n) {
		const struct member *k = &data.mem[i];

		if (!same_member(m, name, k))
			return i;
		note_merged(MG_MEMBER, file, line, k->file, k->line);
		return -1;
	}
	make_room();
	m->name = text_put(name[0]);
	m->phone = text_put(name[1]);
	m->line = line;
	m->file = file;
	data.unit[m->unit].flags |= U_NAMED;
	if (data.unit[m->unit].flags & U_EXCLUDED) {
		m->flags = M_EXCLUDED;
		data.left_out++;
	} else if (m->comm != DR_NONE)
		set_street(m->comm, m->street, file, m->line);
	data.mem[i] = *m;
	return -1;
}

/* The row of member id, listed before as member number i, rejected. */
static void
listed_twice(const struct rec *rec, struct str id, long long i)
{
	static struct buf b;
	const struct member *k = &data.mem[i];

	rec_reject(rec, _("member %s listed twice, first at %s:%lu"),
	    u8_shown(&b, id), data.files[k->file], (unsigned long)k->line);
}

static void
take_member(const struct rec *rec, const struct cols *c, uint16_t file)
{
	struct member m = { 0 };
	struct str id, name[2];
	long long i;

	if (member_row(rec, c, &m, &id, name) &&
	    (i = member_add(&m, id, str_hash(id.p, id.n, 0), name, file,
		 pos_line(rec))) >= 0)
		listed_twice(rec, id, i);
}

/* A text of a member's row into b (jobs.c's part's; room made for it). */
static void
mtext(struct mrow *m, int f, struct str s, struct buf *b)
{
	m->at[f] = (uint32_t)b->n;
	m->n[f] = (uint32_t)s.n;
	memcpy(b->p + b->n, s.p, s.n);
	b->n += s.n;
}

int
member_parse(const struct rec *rec, const struct cols *c, struct mrow *m,
    struct buf *b)
{
	struct str id = folded(rec, c->id, &tb.id), s, t[MR_N];
	size_t i, need = 1;

	if (id.n == 0) {
		rec_reject(rec, _("field 'member_id': empty"));
		return 0;
	}
	if ((s = folded(rec, c->unit, &tb.val)).n == 0) {
		rec_reject(rec, _("field 'unit': empty"));
		return 0;
	}
	if (!day_of(rec, c->reg, "registered_at", &m->reg) ||
	    !day_of(rec, c->listed, "listed_at", &m->listed))
		return 0;
	/* (a value trimmed is empty folded only when it is empty: as
	 * member_row's place_num tells) */
	if (m->reg != DR_NODAY && col(rec, c->comm).n == 0) {
		rec_reject(rec,
		    _("registered with no community (field 'community' "
		      "empty)"));
		return 0;
	}
	if (b->n + rec->raw.n * 2 + 64 >= 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("more than 4 GiB of names and phones"));
	t[MR_ID] = id;
	t[MR_UNIT] = s;
	t[MR_COMM] = col(rec, c->comm);
	t[MR_STREET] = col(rec, c->street);
	t[MR_NAME] = col(rec, c->name);
	t[MR_PHONE] = folded(rec, c->phone, &tb.msg);
	for (i = 0; i < MR_N; i++)
		need += t[i].n;
	buf_grow(b, need); /* (room for them all at once) */
	for (i = 0; i < MR_N; i++)
		mtext(m, (int)i, t[i], b);
	m->hv = str_hash(id.p, id.n, 0);
	m->uhv = str_hash(s.p, s.n, 0);
	return 1;
}

/* Text f of m (its texts in t). */
static struct str
mstr(const struct mrow *m, int f, const char *t)
{
	return (struct str) { t + m->at[f], m->n[f] };
}

/* The number of unit s (folded, its hash hv), found first among the
 * units the members' rows named before (the main thread's). */
static uint32_t
munit_num(struct str s, unsigned long long hv)
{
	struct munit *e = &munits[hv >> (64 - UNITS_BITS)];
	uint32_t u;

	if (e->hv == hv && e->num != 0 &&
	    same_str(intern_get(data.units, e->num - 1), s))
		return e->num - 1;
	u = intern_put_hashed(data.units, s, hv);
	if (u >= data.capunit)
		make_room();
	e->hv = hv;
	e->num = u + 1;
	return u;
}

void
members_room(size_t n)
{
	n += intern_len(data.ids);
	intern_reserve(data.ids, n);
	if (n > data.capmem) {
		data.mem = xreallocarray(data.mem, n, sizeof *data.mem);
		data.capmem = n;
	}
	buf_grow(&data.text, n * 24);
}

void
member_take(struct rd *r, const struct mrow *m, const char *t, uint16_t file,
    long line)
{
	struct member x = { 0 };
	struct str id = mstr(m, MR_ID, t), name[2];
	struct rec *rec;
	struct rd *again;
	long long i;

	name[0] = mstr(m, MR_NAME, t);
	name[1] = mstr(m, MR_PHONE, t);
	x.unit = munit_num(mstr(m, MR_UNIT, t), m->uhv);
	x.reg = m->reg;
	x.listed = m->listed;
	x.comm = place_num(mstr(m, MR_COMM, t), 0);
	x.street = place_num(mstr(m, MR_STREET, t), 1);
	if ((i = member_add(&x, id, m->hv, name, file,
		 line > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint32_t)line)) < 0)
		return;
	/* (rare: the row read again, for the rejection's record) */
	again = rd_open_part(r, m->off, line);
	if (rd_next(again, &rec))
		listed_twice(rec, id, i);
	rd_close(again);
}

void
member_fetch(const struct mrow *m)
{
	intern_prefetch(data.ids, m->hv);
}

/* ---- units ---- */

static int
unit_row(const struct rec *rec, const struct cols *c, struct unit *u,
    uint32_t *num)
{
	static struct buf b;
	struct str name = folded(rec, c->unit, &b);

	if (name.n == 0) {
		rec_reject(rec, _("field 'unit': empty"));
		return 0;
	}
	*num = unit_num(name);
	if (!day_of(rec, c->reg, "registered_at", &u->reg) ||
	    !whole(rec, c->projects, "projects", &u->projects))
		return 0;
	u->comm = col_comm(rec, c->comm);
	u->street = col_street(rec, c->street);
	return 1;
}

static void
take_unit(const struct rec *rec, const struct cols *c, uint16_t file)
{
	static struct buf b;
	struct unit u = { 0 }, *k;
	uint32_t num;

	if (!unit_row(rec, c, &u, &num))
		return;
	make_room();
	k = &data.unit[num];
	if (k->flags & U_ROW) {
		if (u.comm == k->comm && u.street == k->street &&
		    u.reg == k->reg && u.projects == k->projects)
			note_merged(MG_UNIT, file, pos_line(rec), k->file,
			    k->line);
		else
			rec_reject(rec,
			    _("unit %s listed twice, first at %s:%lu"),
			    u8_shown(&b, intern_get(data.units, num)),
			    data.files[k->file], (unsigned long)k->line);
		return;
	}
	u.line = pos_line(rec);
	u.file = file;
	u.flags = (uint8_t)(k->flags | U_ROW | U_NAMED);
	*k = u;
	if (u.flags & U_EXCLUDED)
		data.left_out++;
	else if (u.comm != DR_NONE)
		set_street(u.comm, u.street, file, u.line);
}

/* ---- activities ---- */

/* A whole number of 0 or more written in ASCII digits (empty: 0), as
 * whole() reads it: 1 and *v, or 0 when whole() is to say more. */
static int
whole_plain(struct str s, uint32_t *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9' || *v >= 100000000u)
			return 0;
		*v = *v * 10 + (uint32_t)(s.p[i] - '0');
	}
	return *v < 1000000000u;
}

/*
 * The activity's day, hours (0 when the file has none) and problems
 * solved, as act_values_said reads them, but saying nothing: 1, or 0
 * when one of them is not right (or not plain).
 */
static int
act_values(const struct rec *rec, const struct cols *c, struct act *a)
{
	struct str d = col(rec, c->date), h;
	long long v;

	if (d.n == 0 || !day_parse(d, &a->day))
		return 0;
	if (c->hours >= 0) {
		struct cached *e;

		if ((h = col(rec, c->hours)).n == 0)
			return 0;
		if (cached(hours, h, &e))
			v = e->num;
		else if (hours_of(h, &v) == 0)
			cache(e, h, (uint32_t)v);
		else
			return 0;
		a->hours = (uint16_t)v;
	}
	return whole_plain(col(rec, c->solved), &a->solved);
}

/* s is ASCII: folded as it is (and trimmed, a column's value). */
static int
ascii(struct str s)
{
	size_t i = str_ascii_skip(s.p, 0, s.n);

	for (; i < s.n; i++)
		if ((unsigned char)s.p[i] >= 0x80)
			return 0;
	return 1;
}

/* The number of activity text s (interned). */
static uint32_t
what_num(struct str s)
{
	struct cached *e;
	uint32_t num;

	if (cached(whats, s, &e))
		return e->num;
	pthread_mutex_lock(&shared);
	num = intern_put(data.whats, s);
	pthread_mutex_unlock(&shared);
	cache(e, s, num);
	return num;
}

/* The activity's hours (0 when the file has none): 1, or 0: rejected. */
static int
act_hours(const struct rec *rec, const struct cols *c, struct act *a)
{
	struct str h = col(rec, c->hours);
	long long v;

	a->hours = 0;
	if (c->hours < 0)
		return 1;
	if (h.n == 0) {
		rec_reject(rec, _("field 'hours': empty"));
		return 0;
	}
	switch (hours_of(h, &v)) {
	case -1:
		rec_reject(rec,
		    _("field 'hours': not a number of hours ('%s')"),
		    u8_shown(&tb.msg, h));
		return 0;
	case -2:
		rec_reject(rec,
		    _("field 'hours': more than 0 and at most 24 in one "
		      "activity ('%s')"),
		    u8_shown(&tb.msg, h));
		return 0;
	}
	a->hours = (uint16_t)v;
	return 1;
}

/* The activity's day, hours and problems solved: 1, or 0: rejected. */
static int
act_values_said(const struct rec *rec, const struct cols *c, struct act *a)
{
	if (col(rec, c->date).n == 0) {
		rec_reject(rec, _("field 'date': empty"));
		return 0;
	}
	return day_of(rec, c->date, "date", &a->day) && act_hours(rec, c, a) &&
	    whole(rec, c->solved, "solved", &a->solved);
}

/* The unit an activity's row names (its member_id empty), one a record
 * used names, or -1: rejected. */
static long long
act_unit(const struct rec *rec, const struct cols *c)
{
	struct str s = folded(rec, c->unit, &tb.val);
	long long i;

	if (s.n == 0) {
		rec_reject(rec,
		    _("names no member and no unit (fields 'member_id' and "
		      "'unit' empty)"));
		return -1;
	}
	if ((i = intern_find(data.units, s)) < 0 ||
	    !(data.unit[i].flags & U_NAMED)) {
		rec_reject(rec, _("field 'unit': unknown unit '%s'"),
		    u8_shown(&tb.msg, s));
		return -1;
	}
	return i;
}

/* Who an activity is of (its member's id, key k, or its unit): 1 and
 * a->who, a->flags, *m (a member's), or 0: rejected. */
static int
act_who(const struct rec *rec, const struct cols *c, struct act *a,
    struct str id, const struct idkey *k, struct idm *m)
{
	struct cached *e;
	long long i;

	if (id.n > 0) {
		if ((i = ids_find(id, k, m)) < 0) {
			rec_reject(rec,
			    _("field 'member_id': unknown member '%s'"),
			    u8_shown(&tb.msg, id));
			return 0;
		}
		a->who = (uint32_t)i;
		return 1;
	}
	if (cached_in(units, UNITS_BITS, col(rec, c->unit), &e))
		i = e->num;
	else if ((i = act_unit(rec, c)) < 0)
		return 0;
	else
		cache(e, col(rec, c->unit), (uint32_t)i);
	a->who = (uint32_t)i;
	a->flags = A_UNIT;
	return 1;
}

/* The activity's community: the row's, else its unit's, else its
 * member's (m). */
static int
act_comm(const struct rec *rec, const struct cols *c, struct act *a,
    const struct idm *m, uint32_t *street)
{
	*street = DR_NONE;
	if ((a->comm = col_comm(rec, c->comm)) != DR_NONE) {
		a->flags |= A_ROWCOMM;
		*street = col_street(rec, c->street);
		return 1;
	}
	a->comm = a->flags & A_UNIT ? data.unit[a->who].comm : m->comm;
	if (a->comm != DR_NONE)
		return 1;
	if (a->flags & A_UNIT)
		rec_reject(rec,
		    _("no community: the row names none and unit '%s' has "
		      "none"),
		    u8_shown(&tb.msg, intern_get(data.units, a->who)));
	else
		rec_reject(rec,
		    _("no community: the row names none and member '%s' has "
		      "none"),
		    u8_shown(&tb.msg, intern_get(data.ids, a->who)));
	return 0;
}

void *
dr_alloc(size_t n)
{
	return n >= (2u << 20) ? xhuge(n) : xmalloc(n);
}

/*
 * Room for the activities of a file of size bytes (rows of 20 bytes or
 * more), at once, in huge pages: no copy as they are read, and a million
 * records fault a page every 2 MiB, not every 4 KiB.  What is not used
 * is never touched.
 */
void
reserve_acts(unsigned long long size)
{
	size_t more = (size_t)(size / 20), cap;
	struct act *p;

	if (data.capact - data.nact < more) {
		cap = data.nact + more;
		p = dr_alloc(cap * sizeof *p);
		if (data.nact > 0)
			memcpy(p, data.act, data.nact * sizeof *p);
		free(data.act);
		data.act = p;
		data.capact = cap;
	}
}

void
keep_line(uint32_t line)
{
	if (data.nlines > 0) {
		const struct actline *e = &data.lines[data.nlines - 1];

		if (line == e->line + (uint32_t)(data.nact - e->from))
			return;
	}
	if (data.nlines == data.caplines)
		data.lines = xgrow(data.lines, &data.caplines, 64,
		    sizeof *data.lines);
	data.lines[data.nlines].from = (uint32_t)data.nact;
	data.lines[data.nlines++].line = line;
}

uint32_t
act_line(size_t i)
{
	size_t lo = 0, hi = data.nlines, mid;

	while (hi - lo > 1) { /* the last entry from i or before */
		mid = lo + (hi - lo) / 2;
		if (data.lines[mid].from <= i)
			lo = mid;
		else
			hi = mid;
	}
	return data.lines[lo].line + (uint32_t)(i - data.lines[lo].from);
}

void
act_street(uint32_t act, uint32_t street)
{
	if (nastreets == capastreets)
		astreets = xgrow(astreets, &capastreets, 64, sizeof *astreets);
	astreets[nastreets].act = act;
	astreets[nastreets++].street = street;
}

void
act_keep(const struct act *a, uint32_t street, uint32_t line)
{
	if (a->flags & A_OUT)
		data.left_out++;
	else {
		if (a->flags & A_ROWCOMM)
			data.comm[a->comm].rowacts++;
		if (street != DR_NONE)
			act_street((uint32_t)data.nact, street);
		if (data.first == DR_NODAY || a->day < data.first)
			data.first = a->day;
		if (data.last == DR_NODAY || a->day > data.last)
			data.last = a->day;
	}
	if (data.nact == 0 || data.act[data.nact - 1].day != a->day)
		dups_run(a->day);
	if (data.nact == data.capact)
		reserve_acts(data.capact * 20 + (1u << 16));
	keep_line(line);
	data.act[data.nact++] = *a;
}

/*
 * An activity's row.  Its member's place in the table of ids is fetched
 * first, while the other fields are read (without a word: a value that
 * is not right is said after, in the order the checks are made).
 */
int
act_row(const struct rec *rec, const struct cols *c, struct act *a,
    uint32_t *street)
{
	struct idkey k = { 0 };
	struct str id = col(rec, c->id);
	struct idm m = { 0 };
	int ok;

	if (id.n == 0 || !ids_key_plain(id, &k)) {
		if (!ascii(id))
			id = folded(rec, c->id, &tb.id);
		if (id.n > 0)
			ids_key(id, &k);
	}
	ok = act_values(rec, c, a);
	a->what = what_num(col(rec, c->what));
	if (!act_who(rec, c, a, id, &k, &m) ||
	    (!ok && !act_values_said(rec, c, a)) ||
	    !act_comm(rec, c, a, &m, street))
		return 0;
	if (!(a->flags & A_UNIT) && (m.reg == DR_NODAY || a->day < m.reg))
		a->flags |= A_EARLY;
	if (a->flags & A_UNIT ? data.unit[a->who].flags & U_EXCLUDED : m.out)
		a->flags |= A_OUT;
	return 1;
}

static void
take_act(const struct rec *rec, const struct cols *c)
{
	struct act a = { 0 };
	uint32_t street;

	if (act_row(rec, c, &a, &street))
		act_keep(&a, street, pos_line(rec));
}

uint16_t
act_file(size_t i)
{
	size_t f = data.nfiles;

	while (f > 0 && data.actfrom[f - 1] > i)
		f--;
	return (uint16_t)(f > 0 ? f - 1 : 0);
}

/* Before the activities of file number i (reader r) are read. */
static void
acts_begin(struct rd *r, int i)
{
	if (!data.acts_begun) {
		/* the members and units are all read */
		ids_make();
		data.acts_begun = 1;
	}
	reserve_acts(rd_size(r));
	data.actfrom[i] = (uint32_t)data.nact;
}

/* After the reading: the duplicates merged, the communities and streets
 * of the rows of the others given to their communities. */
static void
acts_done(void)
{
	size_t i;

	dups_find();
	for (i = 0; i < intern_len(data.comms); i++)
		if (data.comm[i].rowacts > 0)
			data.comm[i].used = 1;
	for (i = 0; i < nastreets; i++) {
		const struct act *a = &data.act[astreets[i].act];

		if (!(a->flags & A_SKIP))
			set_street(a->comm, astreets[i].street,
			    act_file(astreets[i].act),
			    act_line(astreets[i].act));
	}
	free(astreets);
	astreets = NULL;
	nastreets = capastreets = 0;
}

/* ---- the files ---- */

/* The place of member id s (as read) in data.ids fetched. */
static void
id_prefetch(struct str s)
{
	intern_prefetch(data.ids, str_hash(s.p, s.n, 0));
}

static void
read_file(struct rd *r, const struct cols *c, enum kind k, uint16_t file)
{
	struct ahead h = { 0 };
	struct rec *rec;
	size_t n = 0;

	/* 100,000 members' ids each put at random in a table of 4 MiB */
	if (k == K_MEMBERS)
		ahead_open(&h, r, c->id, id_prefetch);
	while (rd_next(r, &rec)) {
		if (n++ == 0)
			data.files[file] = rec->file;
		if (k == K_MEMBERS) {
			ahead_fetch(&h, rd_offset(r));
			take_member(rec, c, file);
		} else if (k == K_UNITS)
			take_unit(rec, c, file);
		else
			take_act(rec, c);
	}
	ahead_close(&h);
	if (n == 0)
		rd_say_empty(r);
}

/* The units of exclude-units, numbered first (folded as units are). */
static void
exclude_units(void)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < rules.nexclude; i++) {
		struct str s = str_trim(
		    str_fold(str_c(rules.exclude[i]), &b, NULL));
		uint32_t u = unit_num(s); /* data.unit may move */

		data.unit[u].flags |= U_EXCLUDED;
	}
	buf_free(&b);
}

static void
init(size_t nfiles)
{
	data.ids = intern_new();
	data.units = intern_new();
	data.comms = intern_new();
	data.streets = intern_new();
	data.whats = intern_new();
	data.first = data.last = DR_NODAY;
	data.files = xcalloc(nfiles, sizeof *data.files);
	data.actfrom = xmalloc(nfiles * sizeof *data.actfrom);
	memset(data.actfrom, 0xFF, nfiles * sizeof *data.actfrom);
	data.nfiles = nfiles;
	readers = xcalloc(nfiles, sizeof *readers);
	exclude_units();
}

static void say_merged(void);

void
input_read(int nfiles, char *const *files)
{
	static char *const std[] = { "-" };
	/* (what activities, members and units all name: the header under
	 * title rows; kind_of says what a kind lacks) */
	static const char *const need[] = { "member_id|unit",
		"date|community|registered_at|projects", NULL };
	struct rd_opts ro = cli_rd_opts();
	int i, pass;

	if (nfiles == 0) {
		nfiles = 1;
		files = std;
	}
	if (nfiles > 0xFFFF)
		zl_die(ZL_USAGE, _("more than 65535 input files"));
	init((size_t)nfiles);
	cols = xcalloc((size_t)nfiles, sizeof *cols);
	kinds = xcalloc((size_t)nfiles, sizeof *kinds);
	ro.need = need;
	for (i = 0; i < nfiles; i++) {
		readers[i] = rd_open(1, files + i, &ro);
		data.files[i] = rd_file(readers[i]);
		if (rd_nfields(readers[i]) > 0) {
			find_cols(readers[i], &cols[i]);
			kinds[i] = kind_of(readers[i], &cols[i]);
		}
	}
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nfiles; i++)
			if ((pass == 0) == (kinds[i] != K_ACTS)) {
				if (kinds[i] == K_ACTS) {
					acts_begin(readers[i], i);
					if (jobs_read(readers[i], &cols[i]))
						continue;
				} else if (kinds[i] == K_MEMBERS &&
				    jobs_read_members(readers[i], &cols[i],
					(uint16_t)i))
					continue;
				read_file(readers[i], &cols[i], kinds[i],
				    (uint16_t)i);
			}
	acts_done();
	free(cols);
	free(kinds);
	cols = NULL;
	kinds = NULL;
	say_merged();
}

/* ---- after the reading ---- */

static int
by_place(const void *pa, const void *pb)
{
	const struct merge *a = pa, *b = pb;

	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* The records merged, each kind in the order read: the first 10 (all
 * with --verbose), then their count; the records left out. */
static void
say_merged(void)
{
	static const char *const what[MG_N] = { N_("member"), N_("unit"),
		N_("activity") };
	size_t i, n;
	int g;

	for (g = 0; g < MG_N; g++) {
		struct merge *m = data.merged[g];

		if ((n = data.nmerged[g]) == 0)
			continue;
		qsort(m, n, sizeof *m, by_place);
		for (i = 0; i < n && (i < MERGED_SHOWN || cli.verbose); i++)
			zl_warn_at(data.files[m[i].file], (long)m[i].line,
			    _("merged: the same %s as %s:%lu"), _(what[g]),
			    data.files[m[i].kfile], (unsigned long)m[i].kline);
		if (g == MG_MEMBER)
			zl_warn(ngettext("%zu duplicate member row merged "
					 "(identical rows of one member_id)",
				    "%zu duplicate member rows merged "
				    "(identical rows of one member_id)",
				    n),
			    n);
		else if (g == MG_UNIT)
			zl_warn(ngettext("%zu duplicate unit row merged "
					 "(identical rows of one unit)",
				    "%zu duplicate unit rows merged "
				    "(identical rows of one unit)",
				    n),
			    n);
		else
			zl_warn(ngettext("%zu duplicate activity merged (the "
					 "same member or unit, day and "
					 "activity)",
				    "%zu duplicate activities merged (the "
				    "same member or unit, day and activity)",
				    n),
			    n);
	}
	if (data.left_out > 0)
		zl_warn(ngettext("%llu record of excluded units left out",
			    "%llu records of excluded units left out",
			    data.left_out),
		    data.left_out);
}

long long
unit_named(const char *name)
{
	struct buf b = { 0 };
	struct str s = str_trim(str_fold(str_c(name), &b, NULL));
	long long u = intern_find(data.units, s);

	buf_free(&b);
	return u >= 0 && (data.unit[u].flags & U_NAMED) ? u : -1;
}

void
input_close(void)
{
	size_t i;

	for (i = 0; i < data.nfiles; i++)
		if (readers[i] != NULL)
			rd_close(readers[i]);
	free(readers);
	readers = NULL;
}

void
input_reset(void)
{
	int g;

	if (readers != NULL)
		input_close();
	intern_free(data.ids);
	intern_free(data.units);
	intern_free(data.comms);
	intern_free(data.streets);
	buf_free(&data.text);
	intern_free(data.whats);
	free(data.mem);
	free(data.unit);
	free(data.comm);
	free(data.act);
	free(data.actfrom);
	free(data.lines);
	free(astreets);
	astreets = NULL;
	nastreets = capastreets = 0;
	ids_free();
	dups_free();
	memset(whats, 0, sizeof whats);
	memset(comms, 0, sizeof comms);
	memset(streets, 0, sizeof streets);
	memset(hours, 0, sizeof hours);
	memset(units, 0, sizeof units);
	memset(munits, 0, sizeof munits);
	for (g = 0; g < MG_N; g++)
		free(data.merged[g]);
	free(data.files);
	free(cols);
	free(kinds);
	cols = NULL;
	kinds = NULL;
	memset(&data, 0, sizeof data);
}

void
input_abandon(void)
{
	free(readers);
	readers = NULL;
	input_reset();
}
