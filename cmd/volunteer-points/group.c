/*
 * volunteer-points: each record's volunteer, found as it is read.  A
 * volunteer's index is the pool id of its volunteer_id (data.ids), found
 * in an index of its own: one lookup a record in a table of the
 * volunteers, with the id in its slot when it has 8 bytes or fewer
 * (sorting the million records' ids after the reading cost more).
 * Its slot is asked for records ahead (vol_ahead), 16 bytes, four to a
 * line of the caches.  What the reading needs of a volunteer's records
 * (their count, the name and team of the latest: the last read of those
 * of the latest time) is kept apart, a line a volunteer in the order they
 * were met (read in that order when the records come round robin), and
 * asked for when the volunteer is found (vol_hot_ahead); vol_settle puts
 * it in data.vol after the reading.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

#define NAME_WORDS 3	       /* a name of 24 bytes or fewer */
#define NAME_FAR   0xFFFFFFFFu /* name_n: the name not in name_w */
#define NO_NAME	   0xFFFFFFFFu /* name: no service record yet */
#define TOD_SPAN   (1LL << 17) /* late: day * TOD_SPAN + tod */

/*
 * A slot of the index: an id of up to 8 bytes is its own key (compared
 * without a look at the pool); a longer one is keyed by its hash and
 * compared in the pool.
 */
struct vslot {
	uint64_t key;
	uint32_t n;
	uint32_t vol; /* + 1; 0: an empty slot */
};

/* What the reading keeps of a volunteer: a line of the caches. */
struct vhot {
	int64_t late;	     /* the latest service's day * TOD_SPAN + tod */
	uint32_t team, name; /* of that service (NO_NAME: none yet) */
	uint32_t nsvc;
	uint32_t name_n; /* the name's length, its words in name_w */
	uint64_t name_w[NAME_WORDS];
	const char *team_p; /* team's text (data.strs: it stays where it is) */
	uint64_t team_n;
};

/* A volunteer's id of 16 bytes or fewer, as its words (vol_guess). */
struct vkey {
	uint64_t w[2];
	uint64_t n; /* 0: longer */
};

static _Thread_local struct {
	struct vslot *tab;
	size_t mask;
	struct vhot *hot; /* by volunteer index */
	size_t caphot;
	struct vkey *key; /* by volunteer index */
	size_t capkey;
	uint32_t last; /* a volunteer found, lag records before the next */
	uint32_t lag;
} ix;

static inline uint64_t
key_of(const struct skey *id)
{
	return id->n <= 8 ? id->w[0] : id->h;
}

static void
grow_to(size_t mask)
{
	size_t i, j;
	/* zeroed by hand: calloc's fresh pages, read as zeros first, were
	 * faulted twice (a read, then a write) */
	struct vslot *tab = memset(vp_alloc((mask + 1) * sizeof *tab), 0,
	    (mask + 1) * sizeof *tab);
	struct skey k;

	for (i = 0; ix.tab != NULL && i <= ix.mask; i++) {
		const struct vslot *o = &ix.tab[i];

		if (o->vol == 0)
			continue;
		skey_make(&k, intern_get(data.ids, o->vol - 1), NULL);
		for (j = k.h & mask; tab[j].vol != 0; j = (j + 1) & mask)
			;
		tab[j] = *o;
	}
	free(ix.tab);
	ix.tab = tab;
	ix.mask = mask;
}

static void
grow(void)
{
	grow_to(ix.tab == NULL ? 1023 : ix.mask * 2 + 1);
}

/*
 * Room for n volunteers in the index at once (none read yet): the table
 * grown step by step to a MiB or two was faulted in 4 KiB at a time, each
 * step zeroed anew.  (The pool of ids has no table: intern_append.)
 */
void
vol_reserve(size_t n)
{
	size_t mask = 1023;

	if (ix.tab != NULL || data.nvol > 0)
		return;
	while (n * 4 > mask * 3)
		mask = mask * 2 + 1;
	grow_to(mask);
}

/* Its slot's line and the next (the slots after it, when it is taken). */
void
vol_ahead(const struct skey *id)
{
	size_t j = id->h & ix.mask;

	if (ix.tab == NULL)
		return;
	__builtin_prefetch(&ix.tab[j]);
	__builtin_prefetch(&ix.tab[j] + 4);
}

void
vol_hot_ahead(uint32_t vi)
{
	__builtin_prefetch(&ix.hot[vi]);
}

/* The slot of id, or the empty one where it goes. */
static struct vslot *
slot_of(const struct skey *id)
{
	char b[SKEY_MAX];
	uint64_t k = key_of(id);
	struct vslot *t;
	struct str s;
	size_t j;

	for (j = id->h & ix.mask; (t = &ix.tab[j])->vol != 0;
	     j = (j + 1) & ix.mask) {
		if (t->key != k || t->n != id->n)
			continue;
		if (id->n <= 8)
			break;
		s = skey_text(id, b);
		if (memcmp(intern_get(data.ids, t->vol - 1).p, s.p, s.n) == 0)
			break;
	}
	return t;
}

/* A new volunteer, of id, in its empty slot t. */
static void
add(struct vslot *t, const struct skey *id)
{
	char b[SKEY_MAX];
	struct vhot *h;
	struct vol *v;
	uint32_t i;

	if (id->n > 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("a value of more than 4 GiB"));
	/* numbered as made; new, so not looked up in the pool's table */
	i = intern_append(data.ids, skey_text(id, b));
	t->key = key_of(id);
	t->n = (uint32_t)id->n;
	t->vol = i + 1;
	if (data.nvol == data.capvol)
		data.vol = vp_grow(data.vol, &data.capvol, sizeof *data.vol);
	if (data.nvol == ix.caphot)
		ix.hot = vp_grow(ix.hot, &ix.caphot, sizeof *ix.hot);
	if (data.nvol == ix.capkey)
		ix.key = vp_grow(ix.key, &ix.capkey, sizeof *ix.key);
	ix.key[data.nvol].n = id->n <= 16 ? id->n : 0;
	ix.key[data.nvol].w[0] = id->w[0];
	ix.key[data.nvol].w[1] = id->n > 8 ? id->w[1] : 0;
	h = &ix.hot[data.nvol];
	memset(h, 0, sizeof *h);
	h->late = INT64_MIN;
	h->name = NO_NAME;
	v = &data.vol[data.nvol++];
	memset(v, 0, sizeof *v);
	v->id = i;
}

uint32_t
vol_find(const struct skey *id)
{
	struct vslot *t;

	if (ix.tab == NULL)
		grow();
	t = slot_of(id);
	if (t->vol == 0) {
		add(t, id);
		if (data.nvol * 4 > ix.mask * 3) { /* three quarters at most */
			grow();
			t = slot_of(id);
		}
	}
	return t->vol - 1;
}

static inline int
is_key(uint32_t vi, const struct skey *id)
{
	const struct vkey *k = &ix.key[vi];

	return k->n == id->n && k->w[0] == id->w[0] &&
	    (id->n <= 8 || k->w[1] == id->w[1]);
}

int
vol_guess(const struct skey *id, uint32_t *vi)
{
	uint64_t v = (uint64_t)ix.last + ix.lag + 1;

	if (v >= data.nvol) /* round again */
		v -= data.nvol;
	if (id->n > 16 || id->n == 0 || v >= data.nvol) {
		ix.lag++;
		return 0;
	}
	if (!is_key((uint32_t)v, id)) {
		v = ix.last;
		if (!is_key((uint32_t)v, id)) {
			ix.lag++;
			return 0;
		}
	}
	__builtin_prefetch(&ix.hot[v]);
	*vi = ix.last = (uint32_t)v;
	ix.lag = 0;
	return 1;
}

void
vol_seen(uint32_t vi, uint32_t age)
{
	if (ix.lag > age) {
		ix.last = vi;
		ix.lag = age;
	}
}

uint32_t
vol_team(uint32_t vi, struct skey *team)
{
	const struct vhot *h = &ix.hot[vi];

	if (h->name != NO_NAME &&
	    skey_is(team, (struct str) { h->team_p, (size_t)h->team_n }))
		return h->team;
	skey_hash(team);
	return strs_put(team);
}

/* h's team: team (its text found when it changes). */
static inline void
set_team(struct vhot *h, uint32_t team)
{
	struct str t;

	if (h->team == team && h->team_p != NULL)
		return;
	t = intern_get(data.strs, team);
	h->team = team;
	h->team_p = t.p;
	h->team_n = t.n;
}

void
vol_service(const struct svc *s, uint32_t team, const struct skey *name)
{
	struct vhot *h = &ix.hot[s->vol];
	int64_t late = (int64_t)s->day * TOD_SPAN + s->tod;
	char b[SKEY_MAX];

	h->nsvc++;
	if (late < h->late)
		return;
	h->late = late;
	set_team(h, team);
	/* the name of most: that of the record before */
	if (h->name != NO_NAME && name->n <= 8 * NAME_WORDS &&
	    skey_eq(name, h->name_w, h->name_n))
		return;
	h->name = intern_put(data.names, skey_text(name, b));
	h->name_n = name->n <= 8 * NAME_WORDS ? (uint32_t)name->n : NAME_FAR;
	memcpy(h->name_w, name->w, sizeof h->name_w);
}

void
vol_counts(uint32_t *n)
{
	size_t i;

	for (i = 0; i < data.nvol; i++)
		n[i] = ix.hot[i].nsvc;
}

void
vol_settle(void)
{
	size_t i;

	for (i = 0; i < data.nvol; i++) {
		const struct vhot *h = &ix.hot[i];
		struct vol *v = &data.vol[i];

		if (h->nsvc == 0)
			continue;
		v->nsvc = h->nsvc;
		v->name = h->name;
		v->team = h->team;
	}
}

struct vol_part {
	struct vslot *tab;
	struct vhot *hot;
	struct vkey *key;
};

struct vol_part *
vol_detach(void)
{
	struct vol_part *p = xmalloc(sizeof *p);

	p->tab = ix.tab;
	p->hot = ix.hot;
	p->key = ix.key;
	memset(&ix, 0, sizeof ix);
	return p;
}

void
vol_join(struct vol_part *p, const struct data *d, const uint32_t *smap,
    uint32_t *vmap)
{
	struct skey k;
	size_t i;

	for (i = 0; i < d->nvol; i++) {
		const struct vhot *o = &p->hot[i];
		struct vhot *h;

		/* (met in the same order here, mostly: guessed) */
		skey_words(&k, intern_get(d->ids, d->vol[i].id), NULL);
		if (!vol_guess(&k, &vmap[i])) {
			skey_hash(&k);
			vmap[i] = vol_find(&k);
			vol_seen(vmap[i], 0);
		}
		h = &ix.hot[vmap[i]];
		h->nsvc += o->nsvc;
		if (o->nsvc == 0 || o->late < h->late) /* (equal: read later) */
			continue;
		h->late = o->late;
		set_team(h, smap[o->team]);
		if (h->name == NO_NAME || o->name_n == NAME_FAR ||
		    o->name_n != h->name_n ||
		    memcmp(o->name_w, h->name_w, skey_nwords(o->name_n) * 8) !=
			0)
			h->name = intern_put(data.names,
			    intern_get(d->names, o->name));
		h->name_n = o->name_n;
		memcpy(h->name_w, o->name_w, sizeof h->name_w);
	}
	vol_part_free(p);
}

void
vol_part_free(struct vol_part *p)
{
	if (p == NULL)
		return;
	free(p->tab);
	free(p->hot);
	free(p->key);
	free(p);
}

void
vol_free(void)
{
	free(ix.tab);
	free(ix.hot);
	free(ix.key);
	memset(&ix, 0, sizeof ix);
}

static const struct intern *id_pool;

static int
by_id(const void *pa, const void *pb)
{
	struct str x = intern_get(id_pool, data.vol[*(const uint32_t *)pa].id);
	struct str y = intern_get(id_pool, data.vol[*(const uint32_t *)pb].id);
	int c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);

	return c != 0 ? c : (x.n > y.n) - (x.n < y.n);
}

const uint32_t *
vol_order(void)
{
	size_t i;

	if (data.order != NULL)
		return data.order;
	data.order = xcalloc(data.nvol + 1, sizeof *data.order);
	for (i = 0; i < data.nvol; i++)
		data.order[i] = (uint32_t)i;
	id_pool = data.ids;
	/* (met in the order of their ids, as most files list them: no sort,
	 * whose 20,000 volunteers were a serial millisecond and a half) */
	for (i = 1;
	     i < data.nvol && by_id(&data.order[i - 1], &data.order[i]) < 0;
	     i++)
		;
	if (i < data.nvol)
		qsort(data.order, data.nvol, sizeof *data.order, by_id);
	return data.order;
}
