/*
 * case-stats: the groups.  --by names input fields, or fields derived from
 * reported_at (month, week, weekday, hour); a group is the values of those
 * fields, found again by them in an open-addressing index, with the
 * statistics of its cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/date.h"
#include "lib/fld.h"
#include "lib/utf8.h"

/* ---- --by ---- */

static const char *const derived_names[] = { "", "month", "week", "weekday",
	"hour" };
static const char *const derived_titles[] = { "", "月份", "周", "星期",
	"小时" };

/* The derived field named name (or its --zh title), or D_NONE. */
static enum derived
derived_of(const char *name)
{
	int i;

	for (i = D_MONTH; i <= D_HOUR; i++)
		if (str_eqi(str_c(name), derived_names[i]) ||
		    strcmp(name, derived_titles[i]) == 0)
			return (enum derived)i;
	return D_NONE;
}

const char *
by_zh(const char *name)
{
	enum derived d = derived_of(name);

	return d != D_NONE ? derived_titles[d] : fld_zh(name);
}

const char *
nearest_hint(struct buf *b, const char *word, const char *const *known)
{
	const char *near = u8_nearest(word, known);

	buf_reset(b);
	if (near != NULL)
		buf_printf(b, _(" (did you mean '%s'?)"), near);
	else
		buf_adds(b, "");
	return b->p;
}

/* --by names a field the input does not have: the error, with the names
 * it has (and their --zh titles) and the nearest one. */
static void
by_unknown(struct rd *r, const char *want)
{
	size_t nf = rd_nfields(r), n = 0, i;
	const char **known = xcalloc(3 * nf + 2 * D_HOUR + 1, sizeof *known);
	struct buf list = { 0 }, hint = { 0 };

	for (i = 0; i < nf; i++) {
		struct str h = rd_names(r)[i];
		const char *c = fld_canon(h, NULL);

		known[n++] = xstrndup(h.p, h.n); /* the header's own */
		if (c != NULL) {
			known[n++] = c;
			known[n++] = fld_zh(c);
		}
		buf_printf(&list, "%s, ", c != NULL ? c : known[n - 1]);
	}
	for (i = D_MONTH; i <= D_HOUR; i++) {
		known[n++] = derived_names[i];
		known[n++] = derived_titles[i];
		buf_printf(&list, "%s%s", derived_names[i],
		    i < D_HOUR ? ", " : "");
	}
	zl_die_at(ZL_USAGE, rd_first_file(r), 1,
	    _("--by: no field '%s'%s; fields: %s"), want,
	    nearest_hint(&hint, want, known), list.p);
}

/* The column of the --by field name (want: its name as given), and its
 * canonical name in *want when it has one. */
static long
by_column(struct rd *r, struct str name, char **want)
{
	const char *canon = fld_canon(name, NULL);
	long c = canon != NULL ? fld_col(r, canon) : -1;

	if (c < 0)
		c = rd_find(r, *want);
	if (c < 0)
		by_unknown(r, *want);
	if (canon == NULL)
		canon = fld_canon(rd_names(r)[c], NULL);
	if (canon != NULL) {
		free(*want);
		*want = xstrdup(canon);
	}
	return c;
}

/* Parse --by against the header of r (NULL: --merge, no header yet; an
 * empty input has none either). */
void
by_setup(struct rd *r, const char *list)
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

		opt.by_derived[n] = derived_of(want);
		opt.by_col[n] = -1;
		if (opt.by_derived[n] != D_NONE) {
			free(want); /* its name, not its title */
			want = xstrdup(derived_names[opt.by_derived[n]]);
		} else if (r != NULL && rd_nfields(r) > 0)
			opt.by_col[n] = by_column(r, name, &want);
		else if (fld_canon(name, NULL) != NULL) {
			char *c = xstrdup(fld_canon(name, NULL));

			free(want); /* --merge: the partial's name */
			want = c;
		}
		opt.by[n] = want;
		n++;
	}
	free(copy);
	opt.nby = n;
	if (n == 0)
		zl_die(ZL_USAGE, _("--by: no field named"));
}

/* ---- the group of a case ---- */

void
key_init(struct key *key)
{
	key->v = xcalloc(opt.nby + 1, sizeof *key->v);
	key->text = xcalloc(opt.nby + 1, sizeof *key->text);
}

void
key_free(struct key *key)
{
	free(key->v);
	free(key->text);
	key->v = NULL;
	key->text = NULL;
}

/* The value of a derived field of the time t, written in b (32 bytes). */
static struct str
derived_value(enum derived d, long long t, char *b)
{
	long day = (long)date_floordiv(t, DAY_SECS);
	int y, m, md;

	date_ymd(day, &y, &m, &md);
	switch (d) {
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
		    (int)((t - (long long)day * DAY_SECS) / 3600));
		break;
	case D_NONE:
		b[0] = '\0';
		break;
	}
	return str_c(b);
}

void
key_of_case(struct key *key, const struct rec *r, const struct kase *k)
{
	size_t i;

	for (i = 0; i < opt.nby; i++) {
		if (opt.by_derived[i] != D_NONE)
			key->v[i] = derived_value(opt.by_derived[i],
			    k->reported, key->text[i]);
		else if (opt.by_col[i] == case_col[F_CATEGORY])
			key->v[i] = k->category; /* as classified */
		else
			key->v[i] = str_trim(r->f[opt.by_col[i]]);
	}
}

uint32_t
group_of_case(struct key *key, const struct rec *r, const struct kase *k)
{
	key_of_case(key, r, k);
	return group_of(key->v);
}

/* ---- the table of groups ---- */

/*
 * A group's values are kept once, in an arena of blocks (no allocation of
 * their own): each value its length (a variable-length integer), its
 * bytes and a NUL.  The index is open addressing, a slot of 8 bytes: the
 * group, and 32 bits of the hash of its values, so that a slot of other
 * values is passed over without reading them.  Counting keeps a few
 * bytes a group (metrics.c); group_at makes the group whole when it is
 * asked for (valid until the next call).  --merge adds to the groups
 * themselves (partial.c): they are kept whole, their values in the arena.
 */
#define BLOCK (1u << 20)

static char **kref; /* each group's values in the arena */
static size_t ngroup, capgroup, nkey;
static uint64_t *gindex; /* slots: hash >> 32 << 32 | group + 1; 0 empty */
static size_t gcap;
static char **blocks; /* the arena */
static size_t nblocks, capblocks, left;
static char *cur;
static struct group *whole; /* --merge: the groups themselves */
static size_t capwhole;
static struct group one; /* group_at's */

void
groups_init(void)
{
	nkey = opt.nby;
	gcap = 64;
	gindex = xcalloc(gcap, sizeof *gindex);
	one.key = xcalloc(nkey + 1, sizeof *one.key);
}

/* n bytes of the arena (aligned to 8 when align). */
static char *
arena(size_t n, int align)
{
	char *p;

	if (align && left % 8 != 0) {
		cur += left % 8;
		left -= left % 8;
	}
	if (nblocks == capblocks)
		blocks = xgrow(blocks, &capblocks, 64, sizeof *blocks);
	if (n > BLOCK / 4) /* a big one: memory of its own */
		return blocks[nblocks++] = xmalloc(n);
	if (n > left || cur == NULL) {
		cur = blocks[nblocks++] = xmalloc(BLOCK);
		left = BLOCK;
	}
	p = cur;
	cur += n;
	left -= n;
	return p;
}

static uint64_t
key_hash(const struct str *v)
{
	uint64_t h = 0;
	size_t i;

	for (i = 0; i < nkey; i++)
		h = str_hash(v[i].p, v[i].n, h + i);
	return h;
}

/* Value i of the values kept at p. */
static struct str
value_at(const char *p, size_t i)
{
	uint64_t n;

	for (;;) {
		p = get_varint(p, &n);
		if (i-- == 0)
			return (struct str) { p, (size_t)n };
		p += n + 1;
	}
}

/* The values kept at p, into v. */
static void
values_at(const char *p, struct str *v)
{
	size_t i;
	uint64_t n;

	for (i = 0; i < nkey; i++) {
		p = get_varint(p, &n);
		v[i].p = p;
		v[i].n = (size_t)n;
		p += n + 1;
	}
}

struct str
group_key(uint32_t g, size_t i)
{
	if (whole != NULL)
		return whole[g].key[i];
	return value_at(kref[g], i);
}

/* Are the values of group g vals? */
static int
key_eq(uint32_t g, const struct str *vals)
{
	const char *p = kref[g];
	size_t i;
	uint64_t n;

	for (i = 0; i < nkey; i++) {
		p = get_varint(p, &n);
		if (n != vals[i].n || !str_same(p, vals[i].p, vals[i].n))
			return 0;
		p += n + 1;
	}
	return 1;
}

static void
gindex_grow(void)
{
	size_t i;

	free(gindex);
	gcap *= 2;
	gindex = xcalloc(gcap, sizeof *gindex);
	for (i = 0; i < ngroup; i++) {
		uint64_t h;
		size_t s;

		values_at(kref[i], one.key);
		h = key_hash(one.key);
		s = h & (gcap - 1);
		while (gindex[s] != 0)
			s = (s + 1) & (gcap - 1);
		gindex[s] = (h >> 32 << 32) | ((uint64_t)i + 1);
	}
}

/* A new group of these values, kept. */
static void
group_new(const struct str *vals)
{
	size_t n = 0, i;
	char *p;

	for (i = 0; i < nkey; i++)
		n += varint_len(vals[i].n) + vals[i].n + 1;
	if (ngroup == capgroup)
		kref = xgrow(kref, &capgroup, 64, sizeof *kref);
	p = kref[ngroup] = arena(n, 0);
	for (i = 0; i < nkey; i++) {
		p = put_varint(p, vals[i].n);
		memcpy(p, vals[i].p, vals[i].n);
		p += vals[i].n;
		*p++ = '\0';
	}
	if (opt.mode == MODE_MERGE) {
		if (ngroup == capwhole)
			whole = xgrow(whole, &capwhole, 64, sizeof *whole);
		memset(&whole[ngroup], 0, sizeof *whole);
		whole[ngroup].key = (struct str *)(void *)arena((nkey + 1) *
			sizeof(struct str),
		    1);
		values_at(kref[ngroup], whole[ngroup].key);
	}
}

uint32_t
group_of(const struct str *vals)
{
	uint64_t h = key_hash(vals), tag = h >> 32 << 32;
	size_t s = h & (gcap - 1);

	while (gindex[s] != 0) {
		uint32_t g = (uint32_t)gindex[s] - 1;

		if ((gindex[s] >> 32 << 32) == tag && key_eq(g, vals))
			return g;
		s = (s + 1) & (gcap - 1);
	}
	if (ngroup == UINT32_MAX - 1)
		zl_die(ZL_IOERR, _("more than %lu groups"),
		    (unsigned long)UINT32_MAX - 1);
	group_new(vals);
	gindex[s] = tag | ((uint64_t)ngroup + 1);
	ngroup++;
	if (ngroup * 4 > gcap * 3)
		gindex_grow();
	return (uint32_t)ngroup - 1;
}

void
groups_seal(void)
{
	if (nkey == 0)
		return; /* (out_stats may still want the one group) */
	free(gindex);
	gindex = NULL;
	gcap = 0;
}

size_t
ngroups(void)
{
	return ngroup;
}

struct group *
group_at(uint32_t i)
{
	if (whole != NULL)
		return &whole[i];
	values_at(kref[i], one.key);
	acc_of(i, &one.acc);
	return &one;
}
