/*
 * grid-import: the division table of the configuration (the codes of the
 * streets and communities), and the end of the units: codes top down
 * (a grid's is its community's and its number; compounds and households
 * are numbered in the order of their names), the checks of each unit,
 * counts bottom up.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"

unsigned long long units_merged;
static struct division *divs;
static size_t ndivs;

/* The name without the suffixes division names carry. */
static struct str
short_name(struct str s)
{
	static const char *const suffix[][2] = { { "社区居民委员会", "社区" },
		{ "居民委员会", "" }, { "社区居委会", "社区" },
		{ "居委会", "" }, { "街道办事处", "街道" }, { "办事处", "" } };
	size_t i;

	s = str_trim(s);
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		size_t n = strlen(suffix[i][0]), keep = strlen(suffix[i][1]);

		if (s.n > n && memcmp(s.p + s.n - n, suffix[i][0], n) == 0) {
			s.n -= n - keep;
			break;
		}
	}
	return s;
}

/* The division of that exact name, of a level (L_STREET: a code of nine
 * digits; L_COMMUNITY: longer). */
static const struct division *
division_exact(struct str s, int level)
{
	size_t i;

	for (i = 0; i < ndivs; i++)
		if (strlen(divs[i].name) == s.n &&
		    memcmp(divs[i].name, s.p, s.n) == 0 &&
		    (strlen(divs[i].code) <= 9) == (level == L_STREET))
			return &divs[i];
	return NULL;
}

/* The division of a street's or a community's name: 钢城街道办事处,
 * 钢城街道 and 钢城 are one street; 北园社区居民委员会, 北园社区 and
 * 北园 one community. */
static const struct division *
division_of(struct str name, int level)
{
	const char *add = level == L_STREET ? "街道" : "社区";
	struct str s = short_name(name);
	const struct division *d = division_exact(s, level);
	char buf[256];

	if (d == NULL && s.n > 0 && s.n + strlen(add) < sizeof buf) {
		memcpy(buf, s.p, s.n);
		memcpy(buf + s.n, add, strlen(add));
		d = division_exact((struct str) { buf, s.n + strlen(add) },
		    level);
	}
	return d;
}

/* The division and the name a street or community goes by (the
 * division's when the table knows it), for the last name asked at each
 * level: rows repeat their street and community. */
struct named {
	struct buf raw, shortname;
	const struct division *d;
	struct str name;
};

static struct named *
named(struct str raw, int level)
{
	static struct named memo[2];
	struct named *m = &memo[level == L_STREET ? 0 : 1];

	if (m->raw.p != NULL && m->raw.n == raw.n &&
	    memcmp(m->raw.p, raw.p, raw.n) == 0)
		return m;
	buf_reset(&m->raw);
	buf_add(&m->raw, raw.p, raw.n);
	m->d = raw.n > 0 ? division_of(raw, level) : NULL;
	if (m->d != NULL)
		m->name = str_c(m->d->name);
	else {
		struct str sn = short_name(raw);

		buf_reset(&m->shortname);
		buf_add(&m->shortname, sn.p, sn.n);
		m->name = (struct str) { m->shortname.p ? m->shortname.p : "",
			m->shortname.n };
	}
	return m;
}

struct str
division_name(struct str raw, int level, const struct division **d)
{
	const struct named *m = named(raw, level);

	if (d != NULL)
		*d = m->d;
	return m->name;
}

const struct division *
division_street(const struct division *community)
{
	const struct division *ds = NULL;
	size_t k;

	if (community == NULL || strlen(community->code) <= 9)
		return NULL;
	for (k = 0; k < ndivs; k++)
		if (strlen(divs[k].code) == 9 &&
		    memcmp(divs[k].code, community->code, 9) == 0)
			ds = &divs[k];
	return ds;
}

/* The division table: names (short) and codes (of digits: section.c
 * checked them). */
void
codes_conf(const struct cfg *d)
{
	size_t i;

	if (d == NULL)
		return;
	divs = xcalloc(d->len + 1, sizeof *divs);
	for (i = 0; i < d->len; i++) {
		struct str s = short_name(str_c(d->keys[i]));
		const char *code = cfg_scalar_str(d->v[i]);

		divs[ndivs].name = xstrndup(s.p, s.n);
		divs[ndivs].code = xstrdup(code);
		ndivs++;
	}
}

/* The code of a building or household is its parent's and a part. */
const char *
unit_code(const struct unit *u, char *buf, size_t size)
{
	char up[256];
	const char *pc, *k;
	size_t n, kn;
	unsigned seq;

	if (u->level < L_BUILDING)
		return u->u.code;
	if (u->level == L_BUILDING) {
		pc = u->parent->u.code;
		seq = u->u.compound ? u->u.compound->c.seq : 0;
		k = unit_key(u);
	} else {
		pc = unit_code(u->parent, up, sizeof up);
		seq = u->c.seq;
		k = NULL;
	}
	n = strlen(pc);
	kn = k ? strlen(k) : 0;
	if (n + kn + 16 > size) {
		snprintf(buf, size, "%s", pc);
		return buf;
	}
	memcpy(buf, pc, n);
	buf[n++] = '-';
	if (seq >= 100)
		n += (size_t)snprintf(buf + n, 12, "%u", seq);
	else {
		buf[n++] = (char)('0' + seq / 10);
		buf[n++] = (char)('0' + seq % 10);
	}
	if (k != NULL) {
		buf[n++] = '-';
		memcpy(buf + n, k, kn);
		n += kn;
	}
	buf[n] = '\0';
	return buf;
}

static int
cmp_kid_key(const struct unit *x, const struct unit *y)
{
	return strcmp(unit_key(x), unit_key(y));
}

/* Siblings in the order of their codes: a building's code is its grid's,
 * its compound's number and its key; the rest have theirs. */
static int
cmp_kid_code(const struct unit *x, const struct unit *y)
{
	if (x->level < L_BUILDING && y->level < L_BUILDING)
		return strcmp(x->u.code, y->u.code);
	if (x->level == L_BUILDING && y->level == L_BUILDING) {
		unsigned cx = x->u.compound ? x->u.compound->c.seq : 0;
		unsigned cy = y->u.compound ? y->u.compound->c.seq : 0;

		return cx != cy ? (cx < cy ? -1 : 1) :
				  strcmp(unit_key(x), unit_key(y));
	}
	return x->c.seq < y->c.seq ? -1 : x->c.seq > y->c.seq;
}

/* a-b, kept with the units */
static char *
dash(const char *a, const char *b)
{
	return units_cat(units_cat(a, "-", 1), b, strlen(b));
}

/* The code of a street or a community: the division's, or made up. */
static char *
division_code(struct unit *u)
{
	const struct division *d = division_of(str_c(unit_name(u)), u->level);
	const char *pc = u->parent ? u->parent->u.code : NULL;
	const char *nm = unit_name(u);

	if (d == NULL) {
		problem(unit_file(u), u->line, u,
		    u->level == L_STREET ?
			cli_text(N_("a street not in the division table")) :
			cli_text(N_("a community not in the division table")),
		    nm);
		return pc ? dash(pc, nm) : units_cat("", nm, strlen(nm));
	}
	if (pc != NULL && strncmp(d->code, pc, strlen(pc)) != 0) {
		problem(unit_file(u), u->line, u,
		    cli_text(N_("a community under another street")),
		    unit_name(u->parent));
		return dash(pc, nm);
	}
	return d->code;
}

typedef int unit_cmp(const struct unit *, const struct unit *);

/* Merge sort v[0..n) (tmp: room for n / 2), stably: units alike keep
 * their order.  Halves already in order cost one comparison. */
static void
sort_units(struct unit **v, struct unit **tmp, size_t n, unit_cmp *cmp)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_units(v, tmp, h, cmp);
	sort_units(v + h, tmp, n - h, cmp);
	if (cmp(v[h - 1], v[h]) <= 0)
		return;
	memcpy(tmp, v, h * sizeof *v);
	while (i < h && j < n)
		v[k++] = cmp(v[j], tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

/* The vectors a thread sorts units in (the main thread's, and the one
 * of the thread sorting grids' buildings ahead: see prep_grid). */
struct sorting {
	struct unit **v, **tmp, **w;
	size_t cap, capw, *count, capcount;
};
static struct sorting msort;

/*
 * The units of a list (with level lv, or all: -1) into a vector of s kept
 * for the next call, in the order they were made (make puts a unit
 * first); how many.
 */
static size_t
gather(struct sorting *s, struct unit *first, int lv, struct unit ***vp,
    struct unit ***tmpp)
{
	struct unit *u;
	size_t n = 0, i;

	for (u = first; u != NULL; u = u->next) {
		/* a list is most often made in the arena's order, the last
		 * made first: the units before u asked for ahead */
		__builtin_prefetch((const char *)u - 1024);
		n += lv < 0 || u->level == lv;
	}
	if (n > s->cap) {
		s->cap = n;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
		s->tmp = xreallocarray(s->tmp, s->cap / 2 + 1, sizeof *s->tmp);
	}
	for (u = first, i = n; u != NULL; u = u->next)
		if (lv < 0 || u->level == lv)
			s->v[--i] = u;
	*vp = s->v;
	*tmpp = s->tmp;
	return n;
}

/* Sort a list of units and link it again in that order (units alike in
 * the order they were made); the first. */
static struct unit *
sort_list(struct sorting *s, struct unit *first, unit_cmp *cmp)
{
	struct unit **v, **tmp;
	size_t n = gather(s, first, -1, &v, &tmp), i;

	if (n < 2)
		return first;
	sort_units(v, tmp, n, cmp);
	for (i = 0; i + 1 < n; i++)
		v[i]->next = v[i + 1];
	v[n - 1]->next = NULL;
	return v[0];
}

/* The number of a building's compound (0: none). */
static size_t
seq_of(const struct unit *b)
{
	return b->u.compound != NULL ? b->u.compound->c.seq : 0;
}

/*
 * A grid's buildings in the order of their codes, as sort_list: counted
 * out by their compounds' numbers (stably), then each compound's sorted
 * (by key: most often in order already).  Numbers far more than the
 * buildings go to sort_list.
 */
static struct unit *
sort_buildings(struct sorting *so, struct unit *first)
{
	struct unit **v, **tmp, **w;
	size_t n = gather(so, first, -1, &v, &tmp), top = 0, i, s, start;
	size_t *count;

	for (i = 0; i < n; i++)
		if (seq_of(v[i]) > top)
			top = seq_of(v[i]);
	if (n < 2 || top > 4 * n)
		return sort_list(so, first, cmp_kid_code);
	if (top + 2 > so->capcount) {
		so->capcount = top + 2;
		so->count = xreallocarray(so->count, so->capcount,
		    sizeof *so->count);
	}
	if (n > so->capw) {
		so->capw = n;
		so->w = xreallocarray(so->w, so->capw, sizeof *so->w);
	}
	count = so->count;
	w = so->w;
	memset(count, 0, (top + 2) * sizeof *count);
	for (i = 0; i < n; i++)
		count[seq_of(v[i]) + 1]++;
	for (s = 0; s <= top; s++)
		count[s + 1] += count[s];
	for (i = 0; i < n; i++)
		w[count[seq_of(v[i])]++] = v[i];
	for (s = 0, start = 0; s <= top; start = count[s++]) {
		for (i = start + 1;
		     i < count[s] && cmp_kid_code(w[i - 1], w[i]) <= 0; i++)
			;
		if (i < count[s])
			sort_units(w + start, tmp, count[s] - start,
			    cmp_kid_code);
	}
	for (i = 0; i + 1 < n; i++)
		w[i]->next = w[i + 1];
	w[n - 1]->next = NULL;
	return w[0];
}

/* The compounds of a community or the households of a building: numbered
 * in the order of their names. */
static void
number_kids(struct unit *u)
{
	struct unit **v, **tmp;
	size_t n = gather(&msort, u->child,
		   u->level == L_COMMUNITY ? L_COMPOUND : L_HOUSEHOLD, &v,
		   &tmp),
	       i;

	sort_units(v, tmp, n, cmp_kid_key);
	for (i = 0; i < n; i++)
		v[i]->c.seq = (unsigned)i + 1;
}

/* The length of building u's key: one look at its first sixteen bytes
 * (inside the unit, or the arena's UNIT_SLACK) for most keys. */
static size_t
key_len(const struct unit *u)
{
#if defined(__SSE2__)
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u->s);
	unsigned nul = (unsigned)_mm_movemask_epi8(
	    _mm_cmpeq_epi8(x, _mm_setzero_si128()));

	if (nul != 0)
		return (size_t)__builtin_ctz(nul);
#endif
	return strlen(u->s);
}

/* The grid same_code looked at last, and the length of its code. */
static const struct unit *same_grid;
static size_t same_gn;

/*
 * Whether two siblings have the same code.  Two buildings have when their
 * compounds' numbers and keys are the same (the code is their grid's and
 * those), but for a key too long to be in a code whole (unit_code: then
 * only the grid's).
 */
static int
same_code(const struct unit *a, const struct unit *b)
{
	char x[256], y[256];

	if (a->level == L_BUILDING && b->level == L_BUILDING) {
		size_t n;

		if (a->parent != same_grid) /* (a grid's come in turn) */
			same_gn = strlen((same_grid = a->parent)->u.code);
		n = same_gn + 16;

		if (n + key_len(a) <= sizeof x && n + key_len(b) <= sizeof y)
			return cmp_kid_code(a, b) == 0;
	}
	return strcmp(unit_code(a, x, sizeof x), unit_code(b, y, sizeof y)) ==
	    0;
}

/* ---- the grids' buildings sorted ahead (-j 2 and more) ---- */

/*
 * The walk's longest part is sorting each grid's buildings and walking
 * them (to find two alike and add up their counts): prep_grid, which
 * reads only the grid's buildings and their compounds' numbers (given
 * before the walk: collect) and writes only their links and the grid's
 * first child.  With -j 2 and more a thread of its own prepares the
 * grids in the order noted (each list's newest first: most often the
 * reverse of the walk's), while the walk prepares a grid it comes to
 * that the thread has not begun, and others from the other end while it
 * waits for one the thread is on; the walk then takes the sums, unless
 * the grid has what only the walk does (two buildings alike, a
 * building's households, a key too long for a code: it then sorts the
 * buildings, in order already, and walks them as before).
 */
struct prep {
	struct unit *grid;
	long long sums[2];
	size_t maxkey; /* the longest key of its buildings */
	int state;     /* 0 not begun, 1 begun, 2 done */
	int has_counts, plain;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t done;
	pthread_t th;
	int on;
	struct prep *g;
	size_t n, cap;	     /* the grids */
	size_t front;	     /* the thread's next */
	size_t back;	     /* the walk's next while it waits for the thread:
				back - 1 */
	size_t *slot, nslot; /* index + 1 of a grid, by its address */
	struct sorting s;    /* the thread's */
} pg = { .mu = PTHREAD_MUTEX_INITIALIZER, .done = PTHREAD_COND_INITIALIZER };

static void
prep_grid(struct sorting *s, struct prep *p)
{
	struct unit *g = p->grid, *k, *prev = NULL;
	size_t kn;

	g->child = sort_buildings(s, g->child);
	p->plain = 1;
	for (k = g->child; k != NULL; prev = k, k = k->next) {
		if (k->level != L_BUILDING || k->child != NULL ||
		    (prev != NULL && cmp_kid_code(prev, k) == 0)) {
			p->plain = 0;
			return;
		}
		kn = key_len(k);
		p->maxkey = kn > p->maxkey ? kn : p->maxkey;
		p->sums[0] += unit_count(k, 0);
		p->sums[1] += unit_count(k, 1);
		p->has_counts |= k->has_counts;
	}
}

static void *
prep_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&pg.mu);
	while (pg.front < pg.back) {
		struct prep *p = &pg.g[pg.front++];

		if (p->state != 0)
			continue;
		p->state = 1;
		pthread_mutex_unlock(&pg.mu);
		prep_grid(&pg.s, p);
		pthread_mutex_lock(&pg.mu);
		p->state = 2;
		pthread_cond_broadcast(&pg.done);
	}
	pthread_mutex_unlock(&pg.mu);
	return NULL;
}

static size_t
grid_slot(const struct unit *g)
{
	return (size_t)(((uintptr_t)g >> 3) * 0x9E3779B97F4A7C15ULL >> 20) &
	    (pg.nslot - 1);
}

/* The grids below the units of list, noted, and the compounds of each
 * community numbered (before the walk: the same numbers). */
static void
collect(struct unit *list)
{
	struct unit *u;

	for (u = list; u != NULL; u = u->next) {
		if (u->level == L_COMMUNITY)
			number_kids(u);
		if (u->level == L_GRID) {
			if (pg.n == pg.cap)
				pg.g = xgrow(pg.g, &pg.cap, 64, sizeof *pg.g);
			memset(&pg.g[pg.n], 0, sizeof *pg.g);
			pg.g[pg.n++].grid = u;
		} else if (u->level < L_GRID)
			collect(u->child);
	}
}

static void
prep_start(void)
{
	size_t i, h;

	pg.n = 0;
	collect(roots);
	for (pg.nslot = 64; pg.nslot < 2 * pg.n; pg.nslot *= 2)
		;
	pg.slot = xcalloc(pg.nslot, sizeof *pg.slot);
	for (i = 0; i < pg.n; i++) {
		for (h = grid_slot(pg.g[i].grid); pg.slot[h] != 0;
		     h = (h + 1) & (pg.nslot - 1))
			;
		pg.slot[h] = i + 1;
	}
	pg.back = pg.n;
	pg.front = 0;
	pg.on = gopt.jobs > 1 && pg.n > 1 &&
	    pthread_create(&pg.th, NULL, prep_main, NULL) == 0;
}

static void
prep_end(void)
{
	if (pg.on) {
		pthread_mutex_lock(&pg.mu);
		pg.back = 0;
		pthread_mutex_unlock(&pg.mu);
		pthread_join(pg.th, NULL);
		pg.on = 0;
	}
	free(pg.slot);
	pg.slot = NULL;
	pg.n = 0;
}

/* Grid g's buildings prepared (here, or by the thread: waited for): 1
 * when that is all the walk has to do for them, their sums added; 0 when
 * they are sorted (not to be sorted again: gather would turn buildings
 * alike round), to be walked; -1 when g is not one of the grids. */
static int
prepared(struct unit *g)
{
	struct prep *p = NULL;
	size_t h;

	for (h = grid_slot(g); pg.slot[h] != 0; h = (h + 1) & (pg.nslot - 1))
		if (pg.g[pg.slot[h] - 1].grid == g) {
			p = &pg.g[pg.slot[h] - 1];
			break;
		}
	if (p == NULL)
		return -1;
	pthread_mutex_lock(&pg.mu);
	while (p->state != 2) {
		struct prep *q = p;

		/* the thread on it: another grid done meanwhile, from the
		 * other end */
		while (q->state != 0 && pg.front < pg.back)
			q = &pg.g[--pg.back];
		if (q->state != 0) {
			pthread_cond_wait(&pg.done, &pg.mu);
			continue;
		}
		q->state = 1;
		pthread_mutex_unlock(&pg.mu);
		prep_grid(&msort, q);
		pthread_mutex_lock(&pg.mu);
		q->state = 2;
	}
	pthread_mutex_unlock(&pg.mu);
	/* (same_code: every two of its buildings told by cmp_kid_code) */
	if (!p->plain || strlen(g->u.code) + 16 + p->maxkey > 256)
		return 0;
	g->c.sums[0] += p->sums[0];
	g->c.sums[1] += p->sums[1];
	g->has_counts |= (unsigned)p->has_counts & 1;
	return 1;
}

/* Codes, top down; checks; counts, bottom up. */
static void
finish(struct unit *u)
{
	struct unit *k, *prev = NULL;
	char num[16];
	int ready = -1;

	if (u->level == L_BUILDING && u->child == NULL)
		return; /* (its checks were made as its row was read) */
	if (u->level != L_BUILDING)
		check_unit(u);
	if (u->level <= L_GRID)
		u->c.sums = units_sums();
	if (u->level == L_GRID && (ready = prepared(u)) == 1)
		return;
	/* compounds and households are numbered in the order of names (a
	 * community's before the walk: collect) */
	if (u->level == L_BUILDING)
		number_kids(u);
	for (k = u->child; k != NULL; k = k->next)
		switch (k->level) {
		case L_COMMUNITY:
			k->u.code = division_code(k);
			break;
		case L_GRID:
			k->u.code = dash(u->u.code, unit_key(k));
			break;
		case L_COMPOUND:
			snprintf(num, sizeof num, "-X%02u", k->c.seq);
			k->u.code = units_cat(u->u.code, num, strlen(num));
			break;
		}
	if (u->level != L_GRID)
		u->child = sort_list(&msort, u->child, cmp_kid_code);
	else if (ready < 0)
		u->child = sort_buildings(&msort, u->child);
	for (k = u->child; k != NULL; prev = k, k = k->next) {
		while (prev != NULL && k != NULL && same_code(prev, k)) {
			char c[256];

			if (k->level != L_BUILDING) {
				problem(unit_file(k), k->line, k,
				    cli_text(
					N_("the same code as another unit")),
				    unit_code(k, c, sizeof c));
				break;
			}
			/* a building listed twice counts once: the later
			 * row is left out whole, the problems found in it
			 * too (check_dropped); this one is the kept one's */
			problem(unit_file(k), k->line, prev,
			    cli_text(N_("the same building twice")),
			    unit_name(k));
			k->dropped = 1;
			check_drop(k);
			units_merged++;
			prev->next = k->next;
			k = k->next;
		}
		if (k == NULL)
			break;
		finish(k);
		if (k->level != L_HOUSEHOLD && k->level != L_COMPOUND) {
			u->c.sums[0] += unit_count(k, 0);
			u->c.sums[1] += unit_count(k, 1);
			u->has_counts |= k->has_counts;
		}
	}
}

void
units_finish(void)
{
	struct unit *u;

	same_grid = NULL;
	if (gopt.jobs > 1)
		check_posts_sort();
	for (u = roots; u != NULL; u = u->next)
		u->u.code = u->level == L_STREET || u->level == L_COMMUNITY ?
		    division_code(u) :
		    units_cat("", unit_name(u), strlen(unit_name(u)));
	roots = sort_list(&msort, roots, cmp_kid_code);
	prep_start();
	for (u = roots; u != NULL; u = u->next)
		finish(u);
	prep_end();
	check_dropped();
	check_posts();
}
