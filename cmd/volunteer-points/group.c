/*
 * volunteer-points: each record's volunteer, found as it is read.  A
 * volunteer's index is the pool id of its volunteer_id (data.ids), found
 * in an index of its own: one lookup a record in a table of the
 * volunteers, of 16 bytes a slot with the id in it when it has 8 bytes or
 * fewer (a few tens of thousands of volunteers: a table that stays in the
 * caches; sorting the million records' ids after the reading cost more).
 * A volunteer keeps the name and team of its latest service record: the
 * last read of those of the latest time.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

/*
 * A slot of the index: an id of up to 8 bytes is its own key (compared
 * without a look at the pool: one cache line a lookup); a longer one is
 * keyed by its hash and compared in the pool.
 */
struct vslot {
	uint64_t key;
	uint32_t n;
	uint32_t vol; /* + 1; 0: an empty slot */
};

static struct {
	struct vslot *tab;
	size_t mask;
} ix;

/*
 * The bytes of an id of 8 bytes or fewer, as memcpy would put them in a
 * zeroed word, from loads of fixed size: a memcpy of variable length
 * wrote them byte by byte, and the word's load waited on those stores.
 */
static inline uint64_t
short_key(const char *p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned char *u = (const unsigned char *)p;
	uint32_t lo, hi;

	if (n >= 4) { /* the first four and the last four, overlapping */
		memcpy(&lo, p, 4);
		memcpy(&hi, p + n - 4, 4);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
	    (uint64_t)u[n - 1] << (8 * (n - 1));
#else
	uint64_t k = 0;

	memcpy(&k, p, n);
	return k;
#endif
}

static uint64_t
key_of(struct str id, uint64_t *h)
{
	uint64_t k;

	if (id.n > 8) {
		*h = str_hash(id.p, id.n, 0);
		return *h;
	}
	k = short_key(id.p, id.n);
	/* every bit of the id moves the low bits (ids differ in their last
	 * bytes, the high ones of k) */
	*h = (k ^ id.n) * 0x9E3779B97F4A7C15ULL;
	*h ^= *h >> 32;
	*h *= 0xbf58476d1ce4e5b9ULL;
	*h ^= *h >> 29;
	return k;
}

static void
grow(void)
{
	size_t i, j, mask = ix.tab == NULL ? 1023 : ix.mask * 2 + 1;
	/* zeroed by hand: calloc's fresh pages, read as zeros first, were
	 * faulted twice (a read, then a write) */
	struct vslot *tab = memset(xmalloc((mask + 1) * sizeof *tab), 0,
	    (mask + 1) * sizeof *tab);
	uint64_t h;

	for (i = 0; ix.tab != NULL && i <= ix.mask; i++) {
		const struct vslot *o = &ix.tab[i];

		if (o->vol == 0)
			continue;
		key_of(intern_get(data.ids, o->vol - 1), &h);
		for (j = h & mask; tab[j].vol != 0; j = (j + 1) & mask)
			;
		tab[j] = *o;
	}
	free(ix.tab);
	ix.tab = tab;
	ix.mask = mask;
}

/* vol_ahead's id, key and hash, for the vol_find of the same record */
static struct {
	const char *p;
	size_t n;
	uint64_t k, h;
} last;

void
vol_ahead(struct str id)
{
	last.p = id.p;
	last.n = id.n;
	last.k = key_of(id, &last.h);
	if (ix.tab != NULL)
		__builtin_prefetch(&ix.tab[last.h & ix.mask]);
}

uint32_t
vol_find(struct str id)
{
	uint64_t h, k;
	struct vslot *t;
	struct vol *v;
	size_t j;
	uint32_t i;

	if (id.p == last.p && id.n == last.n) { /* vol_ahead's, just before */
		k = last.k;
		h = last.h;
	} else
		k = key_of(id, &h);
	last.p = NULL;
	if (ix.tab == NULL)
		grow();
	for (j = h & ix.mask; (t = &ix.tab[j])->vol != 0; j = (j + 1) & ix.mask)
		if (t->key == k && t->n == id.n &&
		    (id.n <= 8 ||
			memcmp(intern_get(data.ids, t->vol - 1).p, id.p,
			    id.n) == 0))
			return t->vol - 1;
	if (id.n > 0xFFFFFFFFu)
		zl_die(ZL_IOERR, _("a value of more than 4 GiB"));
	i = intern_put(data.ids, id); /* new: put once, numbered as made */
	t->key = k;
	t->n = (uint32_t)id.n;
	t->vol = i + 1;
	if (data.nvol == data.capvol)
		data.vol = vp_grow(data.vol, &data.capvol, sizeof *data.vol);
	v = &data.vol[data.nvol++];
	memset(v, 0, sizeof *v);
	v->id = i;
	if (data.nvol * 4 > ix.mask * 3) /* three quarters full at most */
		grow();
	return i;
}

void
vol_free(void)
{
	free(ix.tab);
	memset(&ix, 0, sizeof ix);
}

uint32_t
vol_team(uint32_t vi, struct str team)
{
	struct vol *v = &data.vol[vi];
	struct str was;

	if (v->nsvc > 0) { /* mostly the team of the record before */
		was = intern_get(data.strs, v->last_team);
		if (was.n == team.n && memcmp(was.p, team.p, team.n) == 0)
			return v->last_team;
	}
	return v->last_team = intern_put(data.strs, team);
}

void
vol_service(const struct svc *s, uint32_t team, struct str name)
{
	struct vol *v = &data.vol[s->vol];
	struct str was;

	if (v->nsvc++ > 0 &&
	    (s->day < v->late_day ||
		(s->day == v->late_day && s->tod < v->late_tod)))
		return;
	v->late_day = s->day;
	v->late_tod = s->tod;
	v->team = team;
	if (v->nsvc > 1) { /* the name of most: that of the record before */
		was = intern_get(data.names, v->name);
		if (was.n == name.n && memcmp(was.p, name.p, name.n) == 0)
			return;
	}
	v->name = intern_put(data.names, name);
}
