/*
 * volunteer-points: each service record's volunteer, after the reading.
 * A record comes with the hash of its volunteer id (and the id and name
 * in data.text); sorting the hashes (a stable radix sort) brings each
 * volunteer's records together, in the order they were read, without a
 * table lookup a record (a million lookups at random in a table bigger
 * than the caches cost more than the reading).  Records of one hash whose
 * ids differ are told apart by the ids themselves.  Each volunteer is
 * made, with the name and team of the latest record, and the redemptions
 * find theirs.  ledger.c gathers each volunteer's records.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/volunteer-points/vp.h"

struct kv {
	uint32_t h; /* 32 bits of the id's hash: ids that share them are
		       told apart by the ids (a few in a million) */
	uint32_t i;
};

static int
by_hash(const void *pa, const void *pb)
{
	const struct kv *a = pa, *b = pb;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* Sort a[0..n) by h, stably (b: scratch of n). */
static void
radix(struct kv *a, struct kv *b, size_t n)
{
	static uint32_t count[1u << 16];
	int shift;
	size_t i;

	if (n < (1u << 16)) { /* fewer than the counts: by comparison */
		qsort(a, n, sizeof *a, by_hash);
		return;
	}
	for (shift = 0; shift < 32; shift += 16) {
		uint32_t sum = 0, c;
		struct kv *t;

		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[(a[i].h >> shift) & 0xFFFF]++;
		for (i = 0; i < (1u << 16); i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[count[(a[i].h >> shift) & 0xFFFF]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	/* two passes: the result is back in the first array */
}

static struct str
svc_id(const struct svc *s)
{
	struct str r = { data.text + s->text, s->idlen };

	return r;
}

static int
by_id_read(const void *pa, const void *pb)
{
	const struct kv *a = pa, *b = pb;
	struct str x = svc_id(&data.svc[a->i]), y = svc_id(&data.svc[b->i]);
	int c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);

	if (c != 0 || x.n != y.n)
		return c != 0 ? c : x.n < y.n ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static int
same_id(uint32_t a, uint32_t b)
{
	struct str x = svc_id(&data.svc[a]), y = svc_id(&data.svc[b]);

	return x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
}

static struct vol *
new_vol(struct str id)
{
	uint32_t i = intern_put(data.ids, id);
	struct vol *v;

	if (i < data.nvol) /* known already */
		return &data.vol[i];
	if (data.nvol == data.capvol)
		data.vol = xgrow(data.vol, &data.capvol, 1024,
		    sizeof *data.vol);
	v = &data.vol[data.nvol++];
	memset(v, 0, sizeof *v);
	v->id = i;
	return v;
}

/* The volunteer of the records k[a..b) (one id). */
static void
one_volunteer(const struct kv *k, size_t a, size_t b)
{
	struct vol *v = new_vol(svc_id(&data.svc[k[a].i]));
	uint32_t vi = (uint32_t)(v - data.vol);
	const struct svc *late = NULL;
	size_t j;

	for (j = a; j < b; j++) {
		struct svc *s = &data.svc[k[j].i];

		if (late == NULL || s->day > late->day ||
		    (s->day == late->day && s->tod >= late->tod))
			late = s;
		s->vol = vi;
	}
	v->nsvc = (uint32_t)(b - a);
	v->team = late->team;
	v->name = intern_put(data.names,
	    (struct str) { data.text + late->text + late->idlen,
		late->namelen });
}

/*
 * The records are read in the order of their hashes, at random in
 * memory: ask for those a little ahead of b before they are needed (the
 * record 16 ahead, and the text of the one 8 ahead, whose record came).
 */
static inline void
ahead(const struct kv *k, size_t b, size_t n)
{
	if (b + 16 < n)
		__builtin_prefetch(&data.svc[k[b + 16].i]);
	if (b + 8 < n)
		__builtin_prefetch(data.text + data.svc[k[b + 8].i].text);
}

static void
group_services(void)
{
	size_t n = data.nsvc, a, b, j;
	struct kv *k = vp_alloc((n + 1) * sizeof *k);
	struct kv *t = vp_alloc((n + 1) * sizeof *t);

	for (j = 0; j < n; j++) {
		k[j].h = data.svc[j].h;
		k[j].i = (uint32_t)j;
	}
	radix(k, t, n);
	free(t);
	for (a = 0; a < n; a = b) {
		int one = 1;

		for (b = a + 1; b < n && k[b].h == k[a].h; b++) {
			ahead(k, b, n);
			one &= same_id(k[a].i, k[b].i);
		}
		if (b < n)
			ahead(k, b, n);
		if (one) {
			one_volunteer(k, a, b);
			continue;
		}
		/* a hash of two ids: apart by id */
		qsort(k + a, b - a, sizeof *k, by_id_read);
		for (j = a; j < b;) {
			size_t e = j + 1;

			while (e < b && same_id(k[j].i, k[e].i))
				e++;
			one_volunteer(k, j, e);
			j = e;
		}
	}
	free(k);
}

void
input_group(void)
{
	size_t i;

	group_services();
	for (i = 0; i < data.nred; i++) {
		struct red *d = &data.red[i];
		struct str id = { data.text + d->text, d->idlen };

		d->vol = (uint32_t)(new_vol(id) - data.vol);
	}
	free(data.text);
	data.text = NULL;
}
