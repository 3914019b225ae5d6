/*
 * case-stats: the groups, and the cases kept for de-duplication.
 *
 * A case seen before is only known once every input has been read, so with
 * de-duplication (the default) each case is kept, compactly, until the end:
 * its id (exact bytes, in one arena), its group, its duration, its update
 * time and a byte of flags, about 17 bytes besides the id, and a slot of 4
 * bytes in an open-addressing index.  The statistics are made from them at
 * the end.  Without de-duplication they are made as the records come.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/stats.h"

/* ---- hashing ---- */

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
hash_bytes(const char *s, size_t n, uint64_t h)
{
	uint64_t w;

	h ^= n * 0x9E3779B97F4A7C15ULL;
	while (n >= 8) {
		memcpy(&w, s, 8);
		h = mix(h ^ w);
		s += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, s, n);
	return mix(h ^ w ^ ((uint64_t)n << 56));
}

/* ---- groups ---- */

static struct group *groups;
static size_t ngroup, capgroup, nkey;
static uint32_t *gindex; /* slots: group + 1, 0 empty */
static size_t gcap;

void
groups_init(size_t nby)
{
	nkey = nby;
	gcap = 64;
	gindex = xcalloc(gcap, sizeof *gindex);
}

static uint64_t
key_hash(const struct str *v)
{
	uint64_t h = 0;
	size_t i;

	for (i = 0; i < nkey; i++)
		h = hash_bytes(v[i].p, v[i].n, h + i);
	return h;
}

static int
key_eq(const struct str *a, const struct str *b)
{
	size_t i;

	for (i = 0; i < nkey; i++)
		if (a[i].n != b[i].n || memcmp(a[i].p, b[i].p, a[i].n) != 0)
			return 0;
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
		size_t s = key_hash(groups[i].key) & (gcap - 1);

		while (gindex[s] != 0)
			s = (s + 1) & (gcap - 1);
		gindex[s] = (uint32_t)i + 1;
	}
}

uint32_t
group_of(const struct str *vals)
{
	size_t s = key_hash(vals) & (gcap - 1), i;
	struct group *g;

	while (gindex[s] != 0) {
		if (key_eq(groups[gindex[s] - 1].key, vals))
			return gindex[s] - 1;
		s = (s + 1) & (gcap - 1);
	}
	if (ngroup == capgroup) {
		capgroup = capgroup ? capgroup * 2 : 64;
		groups = xreallocarray(groups, capgroup, sizeof *groups);
	}
	g = &groups[ngroup];
	memset(g, 0, sizeof *g);
	g->key = xcalloc(nkey ? nkey : 1, sizeof *g->key);
	for (i = 0; i < nkey; i++) {
		g->key[i].p = xstrndup(vals[i].p, vals[i].n);
		g->key[i].n = vals[i].n;
	}
	gindex[s] = (uint32_t)ngroup + 1;
	ngroup++;
	if (ngroup * 4 > gcap * 3)
		gindex_grow();
	return (uint32_t)ngroup - 1;
}

size_t
ngroups(void)
{
	return ngroup;
}

struct group *
group_at(uint32_t i)
{
	return &groups[i];
}

/* ---- what a case adds to its group ---- */

/* flags of a case */
#define FL_STATE 0x03
#define FL_SAT 0x0C /* 0 not rated, 4 rated, 8 satisfied */
#define FL_ON_TIME 0x10
#define FL_DUE 0x20
#define FL_OVERDUE 0x40

static unsigned
flags_of(const struct kase *k, long long deadline)
{
	unsigned f = (unsigned)k->state | (unsigned)k->sat << 2;

	if (k->state == ST_CLOSED && deadline != NO_TIME) {
		f |= FL_DUE;
		if (k->closed <= deadline)
			f |= FL_ON_TIME;
	}
	if ((k->state == ST_OPEN || k->state == ST_RETURNED) &&
	    deadline != NO_TIME && deadline < opt.as_of)
		f |= FL_OVERDUE;
	return f;
}

static void
add(struct acc *a, unsigned f, uint32_t dur)
{
	a->n[f & FL_STATE]++;
	if (f & FL_DUE)
		a->due++;
	if (f & FL_ON_TIME)
		a->on_time++;
	if (f & FL_OVERDUE)
		a->overdue++;
	if ((f & FL_SAT) != 0)
		a->rated++;
	if ((f & FL_SAT) == 8)
		a->satisfied++;
	if ((f & FL_STATE) == ST_CLOSED) {
		a->hours_n++;
		a->hours_sum += dur;
		if (dur > a->hours_max)
			a->hours_max = dur;
		if (opt.partial) {
			if (a->hist == NULL)
				a->hist = hist_new();
			hist_add(a->hist, (double)dur);
		} else {
			if (a->ndur == a->capdur) {
				a->capdur = a->capdur ? a->capdur * 2 : 16;
				a->dur = xreallocarray(a->dur, a->capdur,
				    sizeof *a->dur);
			}
			a->dur[a->ndur++] = dur;
		}
	}
}

static uint32_t
duration(const struct kase *k)
{
	return k->state == ST_CLOSED ? (uint32_t)(k->closed - k->reported) : 0;
}

void
acc_add(struct acc *a, const struct kase *k, long long deadline)
{
	add(a, flags_of(k, deadline), duration(k));
}

/* ---- the cases kept for de-duplication ---- */

static struct buf ids;	     /* per case: 2 bytes of length, the id */
static uint32_t *c_id;	     /* offset in ids */
static uint32_t *c_group;
static uint32_t *c_dur;	     /* seconds from reported to closed */
static int64_t *c_upd;	     /* updated_at, NO_TIME when none */
static uint8_t *c_flags;
static uint64_t *c_rec;	     /* --records: offset in recs */
static size_t ncase, capcase;
static uint32_t *cindex;     /* slots: case + 1, 0 empty */
static size_t ccap;
static struct buf recs;	     /* --records: the records kept */
static unsigned long long merged;
static size_t next_out;

static uint64_t
id_hash_at(uint32_t off)
{
	unsigned len = (unsigned char)ids.p[off] |
	    (unsigned)(unsigned char)ids.p[off + 1] << 8;

	return hash_bytes(ids.p + off + 2, len, 0);
}

static int
id_eq(uint32_t off, struct str id)
{
	unsigned len = (unsigned char)ids.p[off] |
	    (unsigned)(unsigned char)ids.p[off + 1] << 8;

	return len == id.n && memcmp(ids.p + off + 2, id.p, id.n) == 0;
}

static void
cindex_grow(void)
{
	size_t i;

	free(cindex);
	ccap = ccap ? ccap * 2 : 1024;
	cindex = xcalloc(ccap, sizeof *cindex);
	for (i = 0; i < ncase; i++) {
		size_t s = id_hash_at(c_id[i]) & (ccap - 1);

		while (cindex[s] != 0)
			s = (s + 1) & (ccap - 1);
		cindex[s] = (uint32_t)i + 1;
	}
}

/* Keep the record (its fields) for --records; its offset in recs. */
static uint64_t
keep_record(const struct str *f, size_t nf)
{
	uint64_t off = recs.n;
	size_t i;

	for (i = 0; i < nf; i++) {
		uint32_t n = (uint32_t)f[i].n;

		buf_add(&recs, &n, sizeof n);
		buf_add(&recs, f[i].p, f[i].n);
	}
	return off;
}

/* Does the newer record win over the case kept?  (updated_at, then the
 * more advanced state, then the later record) */
static int
wins(const struct kase *k, size_t i)
{
	int kept = c_flags[i] & FL_STATE, now = k->state;

	if (k->updated != c_upd[i]) {
		if (k->updated == NO_TIME)
			return 0;
		if (c_upd[i] == NO_TIME)
			return 1;
		return k->updated > c_upd[i];
	}
	if (kept == ST_CANCELLED)
		kept = ST_CLOSED;
	if (now == ST_CANCELLED)
		now = ST_CLOSED;
	return now >= kept;
}

void
dedupe_put(const struct kase *k, long long deadline, uint32_t gid,
    const struct str *rec, size_t nf)
{
	size_t s, i;

	if (k->id.n > 0xFFFF)
		zl_die(ZL_IOERR, _("a case_id longer than 65535 bytes"));
	if (ncase * 4 >= ccap * 3)
		cindex_grow();
	s = hash_bytes(k->id.p, k->id.n, 0) & (ccap - 1);
	while (cindex[s] != 0) {
		i = cindex[s] - 1;
		if (id_eq(c_id[i], k->id)) {
			merged++;
			if (!wins(k, i))
				return;
			c_group[i] = gid;
			c_dur[i] = duration(k);
			c_upd[i] = k->updated;
			c_flags[i] = (uint8_t)flags_of(k, deadline);
			if (rec != NULL)
				c_rec[i] = keep_record(rec, nf);
			return;
		}
		s = (s + 1) & (ccap - 1);
	}
	if (ncase == capcase) {
		capcase = capcase ? capcase + capcase / 2 : 4096;
		c_id = xreallocarray(c_id, capcase, sizeof *c_id);
		c_group = xreallocarray(c_group, capcase, sizeof *c_group);
		c_dur = xreallocarray(c_dur, capcase, sizeof *c_dur);
		c_upd = xreallocarray(c_upd, capcase, sizeof *c_upd);
		c_flags = xreallocarray(c_flags, capcase, sizeof *c_flags);
		if (rec != NULL)
			c_rec = xreallocarray(c_rec, capcase, sizeof *c_rec);
	}
	if (ids.n + k->id.n + 2 > UINT32_MAX)
		zl_die(ZL_IOERR, _("more case ids than 4 GB can hold"));
	i = ncase++;
	c_id[i] = (uint32_t)ids.n;
	buf_addc(&ids, (char)(k->id.n & 0xFF));
	buf_addc(&ids, (char)(k->id.n >> 8));
	buf_add(&ids, k->id.p, k->id.n);
	c_group[i] = gid;
	c_dur[i] = duration(k);
	c_upd[i] = k->updated;
	c_flags[i] = (uint8_t)flags_of(k, deadline);
	if (rec != NULL)
		c_rec[i] = keep_record(rec, nf);
	cindex[s] = (uint32_t)i + 1;
}

/* Add every case kept to its group; the durations grouped in one array. */
void
dedupe_finish(void)
{
	size_t i, *more;

	free(cindex);
	cindex = NULL;
	if (!opt.partial) {
		/* size each group's array first: no growth, no waste */
		more = xcalloc(ngroup + 1, sizeof *more);
		for (i = 0; i < ncase; i++)
			if ((c_flags[i] & FL_STATE) == ST_CLOSED)
				more[c_group[i]]++;
		for (i = 0; i < ngroup; i++) {
			struct acc *a = &groups[i].acc;

			if (a->ndur + more[i] <= a->capdur)
				continue;
			a->capdur = a->ndur + more[i];
			a->dur = xreallocarray(a->dur, a->capdur,
			    sizeof *a->dur);
		}
		free(more);
	}
	for (i = 0; i < ncase; i++)
		add(&groups[c_group[i]].acc, c_flags[i], c_dur[i]);
	if (!opt.records) {
		buf_free(&ids);
		free(c_id);
		free(c_group);
		free(c_dur);
		free(c_upd);
		free(c_flags);
		c_id = c_group = c_dur = NULL;
		c_upd = NULL;
		c_flags = NULL;
	}
}

unsigned long long
dedupe_merged(void)
{
	return merged;
}

int
dedupe_next_record(struct str **f, size_t *nf)
{
	static struct str *fields;
	static size_t cap;
	const char *p, *end = recs.p + recs.n;
	size_t n = 0;

	if (next_out >= ncase) {
		free(fields);
		fields = NULL;
		return 0;
	}
	p = recs.p + c_rec[next_out++];
	while (n < *nf && p < end) {
		uint32_t len;

		memcpy(&len, p, sizeof len);
		p += sizeof len;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			fields = xreallocarray(fields, cap, sizeof *fields);
		}
		fields[n].p = p;
		fields[n].n = len;
		p += len;
		n++;
	}
	*f = fields;
	return 1;
}

/*
 * The ids seen in a first pass over the input (regular files only): their
 * 64-bit hashes, sorted (radix sort: sequential, where a hash set is one
 * cache miss an id), and those that come more than once kept.  In the
 * second pass only the cases whose hash came more than once go through
 * the table above; two ids with the same hash both do and are told apart
 * there, so the result is exact.
 */
static uint64_t *hashes, *twice;
static size_t nhash, caphash, ntwice;

static uint64_t
id_hash(struct str id)
{
	return hash_bytes(id.p, id.n, 0x5bd1e995);
}

void
idset_add(struct str id)
{
	if (nhash == caphash) {
		caphash = caphash ? caphash + caphash / 2 : 1u << 16;
		hashes = xreallocarray(hashes, caphash, sizeof *hashes);
	}
	hashes[nhash++] = id_hash(id);
}

/*
 * The hashes that come more than once: one pass puts the hashes in 65536
 * buckets by their top bits, then each bucket (a few hashes) is sorted on
 * its own, in the cache: far less memory traffic than sorting them all.
 */
size_t
idset_done(void)
{
	static size_t start[65537];
	uint64_t *tmp = xreallocarray(NULL, nhash ? nhash : 1, sizeof *tmp);
	size_t i, j, b, n = nhash;

	memset(start, 0, sizeof start);
	for (i = 0; i < nhash; i++)
		start[(hashes[i] >> 48) + 1]++;
	for (b = 0; b < 65536; b++)
		start[b + 1] += start[b];
	for (i = 0; i < nhash; i++)
		tmp[start[hashes[i] >> 48]++] = hashes[i];
	/* start[b] is now the end of bucket b */
	for (b = 0, i = 0; b < 65536; i = start[b], b++) {
		size_t end = start[b];

		if (end - i < 2)
			continue;
		/* a bucket holds a few: insertion sort */
		for (j = i + 1; j < end; j++) {
			uint64_t x = tmp[j];
			size_t k = j;

			while (k > i && tmp[k - 1] > x) {
				tmp[k] = tmp[k - 1];
				k--;
			}
			tmp[k] = x;
		}
		for (j = i; j + 1 < end; j++) {
			if (tmp[j] != tmp[j + 1])
				continue;
			if (ntwice == 0 || twice[ntwice - 1] != tmp[j]) {
				twice = xreallocarray(twice, ntwice + 1,
				    sizeof *twice);
				twice[ntwice++] = tmp[j];
			}
		}
	}
	free(tmp);
	free(hashes);
	hashes = NULL;
	nhash = caphash = 0;
	return n;
}

void
idset_reset(void)
{
	nhash = 0;
}

int
idset_twice(struct str id)
{
	uint64_t h;
	size_t lo = 0, hi = ntwice;

	if (ntwice == 0)
		return 0;
	h = id_hash(id);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (twice[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ntwice && twice[lo] == h;
}

void
idset_free(void)
{
	free(twice);
	twice = NULL;
	ntwice = 0;
}
