/*
 * case-stats: the cases kept to the end, by id, for de-duplication.
 *
 * A case seen before is only known once every input has been read, so
 * each case kept is kept compactly until the end: its id (exact bytes, in
 * one arena), its group, its duration, its update time and a byte of
 * flags, about 17 bytes besides the id, and a slot of 8 bytes in an
 * open-addressing index (the case, and 32 bits of the hash of its id: an
 * id that is not there is told so without reading the ids kept); with
 * --records, its output fields too.  Of the
 * records of one id the latest wins (wins()).  The statistics are made
 * from the cases kept at the end (cases_finish).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"

static struct buf ids; /* per case: 2 bytes of length, the id */
static uint32_t *c_id; /* offset in ids */
static uint32_t *c_group;
static uint32_t *c_dur; /* seconds from reported to closed */
static int64_t *c_upd;	/* updated_at, NO_TIME when none */
static uint8_t *c_flags;
static uint64_t *c_rec; /* --records: offset in recs */
static size_t ncase, capcase;
static uint64_t *cindex; /* slots: hash >> 32 << 32 | case + 1; 0 empty */
static size_t ccap;
static struct buf recs; /* --records: the records kept */
static unsigned long long merged;

static uint64_t
id_hash(const char *p, size_t n)
{
	return str_hash(p, n, 0);
}

static unsigned
id_len(uint32_t off)
{
	return (unsigned char)ids.p[off] |
	    (unsigned)(unsigned char)ids.p[off + 1] << 8;
}

static int
id_eq(uint32_t off, struct str id)
{
	return id_len(off) == id.n && memcmp(ids.p + off + 2, id.p, id.n) == 0;
}

static void
cindex_grow(void)
{
	size_t i;

	free(cindex);
	ccap = ccap ? ccap * 2 : 1024;
	cindex = xcalloc(ccap, sizeof *cindex);
	for (i = 0; i < ncase; i++) {
		uint64_t h = id_hash(ids.p + c_id[i] + 2, id_len(c_id[i]));
		size_t s = h & (ccap - 1);

		while (cindex[s] != 0)
			s = (s + 1) & (ccap - 1);
		cindex[s] = (h >> 32 << 32) | ((uint64_t)i + 1);
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
wins(const struct ccase *c, size_t i)
{
	int kept = c_flags[i] & FL_STATE, now = (int)(c->flags & FL_STATE);

	if (c->upd != c_upd[i]) {
		if (c->upd == NO_TIME)
			return 0;
		if (c_upd[i] == NO_TIME)
			return 1;
		return c->upd > c_upd[i];
	}
	if (kept == ST_CANCELLED)
		kept = ST_CLOSED;
	if (now == ST_CANCELLED)
		now = ST_CLOSED;
	return now >= kept;
}

/* What is kept of case i: c (and its fields, --records). */
static void
set_case(size_t i, const struct ccase *c, const struct str *rec, size_t nf)
{
	c_group[i] = c->gid;
	c_dur[i] = c->dur;
	c_upd[i] = c->upd;
	c_flags[i] = (uint8_t)c->flags;
	if (rec != NULL)
		c_rec[i] = keep_record(rec, nf);
}

/* A new case: room for it, and its id kept. */
static size_t
new_case(struct str id, int with_record)
{
	if (ncase == capcase) {
		capcase = capcase ? capcase + capcase / 2 : 4096;
		c_id = xreallocarray(c_id, capcase, sizeof *c_id);
		c_group = xreallocarray(c_group, capcase, sizeof *c_group);
		c_dur = xreallocarray(c_dur, capcase, sizeof *c_dur);
		c_upd = xreallocarray(c_upd, capcase, sizeof *c_upd);
		c_flags = xreallocarray(c_flags, capcase, sizeof *c_flags);
		if (with_record)
			c_rec = xreallocarray(c_rec, capcase, sizeof *c_rec);
	}
	if (ids.n + id.n + 2 > UINT32_MAX)
		zl_die(ZL_IOERR, _("more case ids than 4 GB can hold"));
	c_id[ncase] = (uint32_t)ids.n;
	buf_addc(&ids, (char)(id.n & 0xFF));
	buf_addc(&ids, (char)(id.n >> 8));
	buf_add(&ids, id.p, id.n);
	return ncase++;
}

void
cases_put(const struct ccase *c, const struct str *rec, size_t nf)
{
	uint64_t h, tag;
	size_t s, i;

	if (c->id.n > 0xFFFF)
		zl_die(ZL_IOERR, _("a case_id longer than 65535 bytes"));
	if (ncase * 4 >= ccap * 3)
		cindex_grow();
	h = id_hash(c->id.p, c->id.n);
	tag = h >> 32 << 32;
	s = h & (ccap - 1);
	while (cindex[s] != 0) {
		i = (uint32_t)cindex[s] - 1;
		if ((cindex[s] >> 32 << 32) == tag && id_eq(c_id[i], c->id)) {
			merged++;
			if (wins(c, i))
				set_case(i, c, rec, nf);
			return;
		}
		s = (s + 1) & (ccap - 1);
	}
	i = new_case(c->id, rec != NULL);
	set_case(i, c, rec, nf);
	cindex[s] = tag | ((uint64_t)i + 1);
}

/* Add every case kept to its group. */
void
cases_finish(void)
{
	size_t i;

	free(cindex);
	cindex = NULL;
	for (i = 0; i < ncase; i++)
		acc_add_flags(c_group[i], c_flags[i], c_dur[i]);
	buf_free(&ids);
	free(c_id);
	free(c_group);
	free(c_dur);
	free(c_upd);
	free(c_flags);
	c_id = c_group = c_dur = NULL;
	c_upd = NULL;
	c_flags = NULL;
	ncase = capcase = ccap = 0; /* (the table empty again) */
}

size_t
cases_n(void)
{
	return ncase;
}

unsigned long long
cases_merged(void)
{
	return merged;
}

void
cases_record(size_t i, struct str *f, size_t nf)
{
	const char *p = recs.p + c_rec[i], *end = recs.p + recs.n;
	size_t n;

	for (n = 0; n < nf && p < end; n++) {
		uint32_t len;

		memcpy(&len, p, sizeof len);
		p += sizeof len;
		f[n].p = p;
		f[n].n = len;
		p += len;
	}
}
