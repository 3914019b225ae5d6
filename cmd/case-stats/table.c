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
		h = str_hash(v[i].p, v[i].n, h + i);
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
#define FL_SAT 0x0C /* SAT_* << 2 */
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

/* Count a case (flags f, duration dur) in a or, with step -1, out of it. */
static void
count(struct acc *a, unsigned f, uint32_t dur, uint64_t step)
{
	/* step: 1, or -1 (acc_sub): unsigned, it wraps to a subtraction */
	a->n[f & FL_STATE] += step;
	if (f & FL_DUE)
		a->due += step;
	if (f & FL_ON_TIME)
		a->on_time += step;
	if (f & FL_OVERDUE)
		a->overdue += step;
	if ((f & FL_SAT) != 0)
		a->rated += step;
	if ((f & FL_SAT) == SAT_SATISFIED << 2)
		a->satisfied += step;
	if ((f & FL_STATE) == ST_CLOSED) {
		a->hours_n += step;
		a->hours_sum += step * dur;
	}
}

/* The counts of a case, and its duration. */
static void
add(struct acc *a, unsigned f, uint32_t dur)
{
	count(a, f, dur, 1);
	if ((f & FL_STATE) == ST_CLOSED) {
		if (dur > a->hours_max)
			a->hours_max = dur;
		if (opt.mode == MODE_PARTIAL) {
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

	return str_hash(ids.p + off + 2, len, 0);
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

/* What is kept of case i: the record k (and its fields, --records). */
static void
set_case(size_t i, const struct kase *k, long long deadline, uint32_t gid,
    const struct str *rec, size_t nf)
{
	c_group[i] = gid;
	c_dur[i] = duration(k);
	c_upd[i] = k->updated;
	c_flags[i] = (uint8_t)flags_of(k, deadline);
	if (rec != NULL)
		c_rec[i] = keep_record(rec, nf);
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
	s = str_hash(k->id.p, k->id.n, 0) & (ccap - 1);
	while (cindex[s] != 0) {
		i = cindex[s] - 1;
		if (id_eq(c_id[i], k->id)) {
			merged++;
			if (!wins(k, i))
				return;
			set_case(i, k, deadline, gid, rec, nf);
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
	set_case(i, k, deadline, gid, rec, nf);
	cindex[s] = (uint32_t)i + 1;
}

/* Add every case kept to its group; the durations grouped in one array. */
void
dedupe_finish(void)
{
	size_t i, *more;

	free(cindex);
	cindex = NULL;
	if (opt.mode != MODE_PARTIAL) {
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
	if (opt.mode != MODE_RECORDS) {
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
	return str_hash(id.p, id.n, 0x5bd1e995);
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

/* After the first pass: the hashes that come more than once, sorted. */
size_t
idset_done(void)
{
	size_t n = nhash;

	ntwice = u64_repeated(hashes, nhash, 1);
	twice = xreallocarray(hashes, ntwice > 0 ? ntwice : 1, sizeof *twice);
	hashes = NULL;
	nhash = caphash = 0;
	return n;
}

int
idset_twice(struct str id)
{
	/* most inputs have no id twice: no hash to make */
	return ntwice > 0 && u64_in(twice, ntwice, id_hash(id));
}

void
idset_free(void)
{
	free(twice);
	twice = NULL;
	ntwice = 0;
}

/*
 * One pass over regular UTF-8 TSV files (main.c): every case is added to
 * its group as it comes, as if no id came twice, and noted here by the
 * 64-bit hash of its id and by where the reader finds it again.  At the
 * end a filter of bits (one per hash, by its top bits) finds the few
 * hashes that may come twice; the cases whose hash does come twice (every
 * case of an id that came twice, and any other with the same hash) are
 * read again, taken out of their groups (acc_sub), and go through the
 * exact table above in the order they came.
 */
/* The cases noted, in chunks of 2 MiB, in huge pages (xhuge): with small
 * pages their page faults took longer than the noting. */
#define SEEN_CHUNK ((2u << 20) / sizeof(struct seen_case))

static struct seen_case **seen;   /* the chunks */
static size_t nseen, capchunks;
static unsigned filter_bits; /* log2 of the number of bits */
static uint64_t *filter;
static uint32_t *hit;	     /* bits found set already, once or more */
static size_t nhit, caphit;

void
seen_init(unsigned long long bytes)
{
	/* about a bit for each 8 bytes of input, a power of two: for a
	 * million records of 270 bytes, 1 case in 70 shares its bit with
	 * another and is looked at closely (fewer bits, more such; more
	 * bits, more misses of the cache) */
	filter_bits = 16;
	while (filter_bits < 31 && (1ULL << (filter_bits + 1)) <= bytes / 8)
		filter_bits++;
}

uint64_t
seen_hash(struct str id)
{
	return id_hash(id);
}

#define SEEN_AT(i) (seen[(i) / SEEN_CHUNK][(i) % SEEN_CHUNK])

static uint32_t
bit_of(uint64_t hash)
{
	return (uint32_t)(hash >> (64 - filter_bits));
}

/* Test and set the bit of case i. */
static void
filter_case(size_t i)
{
	uint32_t b = bit_of(SEEN_AT(i).hash);
	uint64_t m = 1ULL << (b & 63);

	if ((filter[b >> 6] & m) == 0) {
		filter[b >> 6] |= m;
		return;
	}
	if (nhit == caphit) {
		caphit = caphit ? caphit * 2 : 256;
		hit = xreallocarray(hit, caphit, sizeof *hit);
	}
	hit[nhit++] = b;
}

void
seen_add(struct str id, long long pos)
{
	struct seen_case *e;

	if (nseen % SEEN_CHUNK == 0) {
		size_t c = nseen / SEEN_CHUNK;

		if (c == capchunks) {
			capchunks = capchunks ? capchunks * 2 : 16;
			seen = xreallocarray(seen, capchunks, sizeof *seen);
		}
		seen[c] = xhuge(SEEN_CHUNK * sizeof **seen);
	}
	e = &seen[nseen / SEEN_CHUNK][nseen % SEEN_CHUNK];
	e->pos = pos;
	e->hash = id_hash(id);
	nseen++;
}

static int
by_hash_pos(const void *a, const void *b)
{
	const struct seen_case *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int
by_pos(const void *a, const void *b)
{
	const struct seen_case *x = a, *y = b;

	return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * The cases whose bit was found set already, and the cases that set it
 * first: a small table of the bits found set (bits are random: their low
 * bits place them), and in front of it a bitmap that stays in the cache.
 */
static size_t
candidates(struct seen_case **cand)
{
	uint32_t *tab;
	uint64_t *pre;
	size_t cap = 64, i, n = 0, capn = 0;
	const unsigned prebits = 20;

	while (cap < 4 * nhit)
		cap *= 2;
	tab = xcalloc(cap, sizeof *tab); /* bit + 1, 0 empty */
	pre = xcalloc((size_t)1 << (prebits - 6), sizeof *pre);
	for (i = 0; i < nhit; i++) {
		size_t s = hit[i] & (cap - 1);
		uint32_t p = hit[i] & ((1u << prebits) - 1);

		pre[p >> 6] |= 1ULL << (p & 63);
		while (tab[s] != 0 && tab[s] != hit[i] + 1)
			s = (s + 1) & (cap - 1);
		tab[s] = hit[i] + 1;
	}
	for (i = 0; i < nseen; i++) {
		uint32_t b = bit_of(SEEN_AT(i).hash);
		uint32_t p = b & ((1u << prebits) - 1);
		size_t s = b & (cap - 1);

		if ((pre[p >> 6] & (1ULL << (p & 63))) == 0)
			continue;
		while (tab[s] != 0 && tab[s] != b + 1)
			s = (s + 1) & (cap - 1);
		if (tab[s] == 0)
			continue;
		if (n == capn) {
			capn = capn ? capn * 2 : 2 * nhit;
			*cand = xreallocarray(*cand, capn, sizeof **cand);
		}
		(*cand)[n++] = SEEN_AT(i);
	}
	free(pre);
	free(tab);
	return n;
}

/*
 * The cases to read again (their positions and hashes, in the order they
 * came), and their number: of the cases whose bit was found set, those
 * whose whole hash comes twice.
 */
size_t
seen_finish(struct seen_case **out)
{
	struct seen_case *cand = NULL;
	size_t fsize = ((size_t)1 << (filter_bits - 6)) * sizeof *filter;
	size_t ncand = 0, i, j, n = 0;

	/* every case's bit, tested and set in one loop that fetches ahead:
	 * a random bit is a miss of the cache (done while the records
	 * stream through the cache, it was a miss every time) */
	filter = xhuge(fsize);
	memset(filter, 0, fsize);
	for (i = 0; i < nseen; i++) {
		if (i + 16 < nseen)
			__builtin_prefetch(
			    &filter[bit_of(SEEN_AT(i + 16).hash) >> 6], 1);
		filter_case(i);
	}
	free(filter);
	filter = NULL;
	if (nhit > 0) {
		ncand = candidates(&cand);
		qsort(cand, ncand, sizeof *cand, by_hash_pos);
		for (i = 0; i < ncand; i = j) {
			for (j = i + 1; j < ncand && cand[j].hash == cand[i].hash;
			     j++)
				;
			if (j - i > 1)
				while (i < j)
					cand[n++] = cand[i++];
		}
		qsort(cand, n, sizeof *cand, by_pos);
	}
	free(hit);
	hit = NULL;
	nhit = caphit = 0;
	for (i = 0; i < (nseen + SEEN_CHUNK - 1) / SEEN_CHUNK; i++)
		free(seen[i]);
	free(seen);
	seen = NULL;
	nseen = capchunks = 0;
	if (n == 0) {
		free(cand);
		cand = NULL;
	}
	*out = cand;
	return n;
}

/* ---- a case taken out of its group again ---- */

static uint64_t *removed; /* group << 32 | duration, closed cases */
static size_t nremoved, capremoved;

void
acc_sub(uint32_t gid, const struct kase *k, long long deadline)
{
	struct acc *a = &groups[gid].acc;
	unsigned f = flags_of(k, deadline);
	uint32_t dur = duration(k);

	count(a, f, dur, (uint64_t)-1);
	if ((f & FL_STATE) != ST_CLOSED)
		return;
	if (nremoved == capremoved) {
		capremoved = capremoved ? capremoved * 2 : 256;
		removed = xreallocarray(removed, capremoved, sizeof *removed);
	}
	removed[nremoved++] = (uint64_t)gid << 32 | dur;
}

/* Take the durations of the cases taken out out of their groups' arrays
 * (sorted: one merge per group), and find the longest again. */
void
acc_sub_finish(void)
{
	size_t i = 0, j;

	sort_u64(removed, nremoved);
	while (i < nremoved) {
		uint32_t gid = (uint32_t)(removed[i] >> 32);
		struct acc *a = &groups[gid].acc;
		size_t r, w = 0;

		for (j = i; j < nremoved && removed[j] >> 32 == gid; j++)
			;
		sort_u32(a->dur, a->ndur);
		for (r = 0; r < a->ndur; r++) {
			if (i < j && a->dur[r] == (uint32_t)removed[i]) {
				i++;
				continue;
			}
			a->dur[w++] = a->dur[r];
		}
		if (i != j)
			zl_die(ZL_IOERR, "internal error: a duration not found");
		a->ndur = w;
		a->hours_max = w > 0 ? a->dur[w - 1] : 0;
		i = j;
	}
	free(removed);
	removed = NULL;
	nremoved = capremoved = 0;
}
