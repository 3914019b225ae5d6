/*
 * grid-import: the units of the five-level organisation, made from the
 * rows of the sheets: street (街道), community (社区), grid (网格), compound
 * (小区), building (楼栋), household (党员中心户).  They are kept until the
 * end (codes.c), when each gets its code, its counts from below, and the
 * checks (check.c); then they are written (write.c).
 *
 * A roster may have millions of buildings, and the time goes into memory:
 * a unit is a small struct in an arena, a building's strings right
 * after it (no pointer, no
 * offsets: unit_strs finds them), the code of a building or
 * household worked out when it is written (unit_code);
 * buildings are not hashed (a building listed twice shows when a grid's
 * buildings are sorted); the posts people hold are hashes, sorted
 * (check.c).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/fld.h"

const char *const level_names[L_N] = { "street", "community", "grid",
	"compound", "building", "household" };

static const char *const attr_names[A_N] = { "leader", "leader_phone",
	"party_org", "offline_leader", "offline_leader_phone", "online_leader",
	"online_leader_phone", "owners_committee", "property_company",
	"has_staff", "has_rules", "has_funding", "has_incentives",
	"id_number" };

const signed char slot[L_N][A_N] = {
	[L_STREET] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 },
	[L_COMMUNITY] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	    -1 },
	[L_GRID] = { 0, 1, 2, -1, -1, -1, -1, -1, -1, 3, 4, 5, 6, -1 },
	[L_COMPOUND] = { -1, -1, -1, -1, -1, -1, -1, 0, 1, -1, -1, -1, -1, -1 },
	[L_BUILDING] = { -1, -1, 0, 1, 2, 3, 4, -1, -1, -1, -1, -1, -1, 5 },
	[L_HOUSEHOLD] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	    -1 },
};
static const unsigned char nslots[L_N] = { 0, 0, 7, 2, 6, 0 };

struct unit *roots;
static size_t nhashed;
static struct unit **htab;
static size_t hcap;

/* ---- memory ---- */

/* A chunk of the arena begins with the one made before it and its size. */
struct chunk {
	struct chunk *before;
	size_t size;
};

static char *apos, *amark;
static size_t aleft, nchunks;
static struct chunk *chunks; /* the last one made */

static void *
arena(size_t n)
{
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (n > aleft) {
		/* chunks double from 2 up to 64 MiB, in huge pages: on this
		 * project's VM the first write to a small page the kernel
		 * has just given (by a fault or by ahead.c) costs the host
		 * some microseconds more, a huge page's about as much
		 * (bench/README.md, eighth round) */
		size_t size = (size_t)2 << (20 + (nchunks < 5 ? nchunks : 5));
		struct chunk *c;

		if (size < n + sizeof *c + UNIT_SLACK)
			size = n + sizeof *c + UNIT_SLACK;
		c = xhuge(size);
		c->before = chunks;
		c->size = size;
		chunks = c;
		nchunks++;
		apos = (char *)(c + 1);
		aleft = size - sizeof *c - UNIT_SLACK;
		ahead_chunk(c, size);
		amark = apos;
	}
	if (apos >= amark) { /* the pages ahead made ready (ahead.c) */
		ahead_at(apos);
		amark = apos + (1u << 20);
	}
	p = apos;
	apos += n;
	aleft -= n;
	return p;
}

long long *
units_sums(void)
{
	long long *p = arena(2 * sizeof *p);

	p[0] = p[1] = 0;
	return p;
}

char *
units_cat(const char *a, const char *b, size_t bn)
{
	size_t an = strlen(a);
	char *p = arena(an + bn + 1);

	memcpy(p, a, an);
	memcpy(p + an, b, bn);
	p[an + bn] = '\0';
	return p;
}

/*
 * The size of the strings of a unit (of file and line): key, name and the
 * attributes *v (nv, absent: empty), each with its NUL.  Past 64 KiB,
 * longer than any sheet's cells, the attributes are cut (*v none).
 */
static size_t
strs_size(const char *file, unsigned line, struct str key, struct str name,
    const struct str **v, size_t nv)
{
	static const struct str none[8];
	size_t n = key.n + 1 + name.n + 1, i;

	for (i = 0; i < nv; i++)
		n += (*v)[i].n + 1;
	if (n > 0xFFFF) {
		*v = none;
		n = key.n + name.n + 2 + nv;
		if (n > 0xFFFF)
			zl_die(ZL_IOERR, _("%s:%u: a name longer than 64 KiB"),
			    file, line);
	}
	return n;
}

/* x's bytes put at p: a short value (most) without a call, as one or
 * two words that may overlap, inside the value. */
static inline void
put_short(char *p, struct str x)
{
	uint64_t a, b;
	uint32_t c, d;

	if (x.n >= 8 && x.n <= 16) {
		memcpy(&a, x.p, 8);
		memcpy(&b, x.p + x.n - 8, 8);
		memcpy(p, &a, 8);
		memcpy(p + x.n - 8, &b, 8);
	} else if (x.n >= 4 && x.n < 8) {
		memcpy(&c, x.p, 4);
		memcpy(&d, x.p + x.n - 4, 4);
		memcpy(p, &c, 4);
		memcpy(p + x.n - 4, &d, 4);
	} else if (x.n > 0 && x.n < 4) {
		p[0] = x.p[0];
		p[x.n / 2] = x.p[x.n / 2];
		p[x.n - 1] = x.p[x.n - 1];
	} else if (x.n > 0)
		memcpy(p, x.p, x.n);
}

/* Put the strings at p; where the name and each attribute begin into
 * off[0..nv], or (off NULL) the strings themselves into sp[0..nv]. */
static void
put_strs(char *p, struct str key, struct str name, const struct str *v,
    size_t nv, unsigned short *off, struct str *sp)
{
	const char *s = p;
	size_t i;

	put_short(p, key);
	p += key.n;
	*p++ = '\0';
	for (i = 0; i <= nv; i++) {
		struct str x = i == 0 ? name : v[i - 1];

		if (off != NULL)
			off[i] = (unsigned short)(p - s);
		else
			sp[i] = (struct str) { p, x.n };
		put_short(p, x);
		p += x.n;
		*p++ = '\0';
	}
}

/* The strings unit_strs gave last, and whose: a building's or a
 * household's do not change, and its callers ask for one unit's strings
 * in turn. */
static const struct unit *split_u;
static struct str split[9];

const struct str *
unit_strs(const struct unit *u)
{
	const char *p = unit_str(u);
	const unsigned short *off;
	int i, n = nslots[u->level];

	if (u == split_u)
		return split;
	split_u = unit_inline(u) ? u : NULL;
	if (unit_inline(u)) {
		for (i = 0, p += strlen(p) + 1; i <= n; i++) {
			split[i] = (struct str) { p, strlen(p) };
			p += split[i].n + 1;
		}
		return split;
	}
	off = (const unsigned short *)(const void *)p - 8;
	for (i = 0; i <= n; i++)
		split[i] = str_c(p + off[i]);
	return split;
}

/* The strings of a street, community, grid or compound, packed anew
 * (the old block stays in the arena): u->s points to them. */
static void
pack(struct unit *u, struct str key, struct str name, const struct str *v,
    size_t nv)
{
	unsigned short off[8] = { 0 };
	size_t n = strs_size(unit_file(u), u->line, key, name, &v, nv);
	char *p = (char *)arena(sizeof off + n) + sizeof off;

	put_strs(p, key, name, v, nv, off, NULL);
	memcpy(p - sizeof off, off, sizeof off);
	memcpy(u->s, &p, sizeof p);
}

/* ---- making units ---- */

/* The files the units come from, by number (3 bytes in a unit). */
static const char **files;
static size_t nfiles, capfiles;

static unsigned
file_number(const char *file)
{
	size_t i = nfiles;

	while (i > 0 && files[i - 1] != file)
		i--;
	if (i > 0)
		return (unsigned)(i - 1);
	if (nfiles == 1 << 24)
		zl_die(ZL_IOERR, "internal error: more than %d files", 1 << 24);
	if (nfiles == capfiles)
		files = xgrow(files, &capfiles, 16, sizeof *files);
	files[nfiles] = file;
	return (unsigned)nfiles++;
}

const char *
unit_file(const struct unit *u)
{
	return files[u->file];
}

/* The hash of a unit of a level under a parent (the low bits index). */
static size_t
hash_of(int level, const struct unit *parent, struct str key)
{
	return (size_t)str_hash(key.p, key.n,
	    (unsigned long long)level ^ (uintptr_t)parent * 31);
}

static void
rehash(void)
{
	struct unit **old = htab;
	size_t oldcap = hcap, i;

	hcap = hcap ? hcap * 2 : 1024;
	htab = xcalloc(hcap, sizeof *htab);
	for (i = 0; i < oldcap; i++) {
		struct unit *u = old[i], *next;

		for (; u != NULL; u = next) {
			size_t s = hash_of(u->level, u->parent,
				       str_c(unit_key(u))) &
			    (hcap - 1);

			next = u->u.hnext;
			u->u.hnext = htab[s];
			htab[s] = u;
		}
	}
	free(old);
}

static struct unit *
find(int level, struct unit *parent, struct str key)
{
	struct unit *u;

	if (hcap == 0)
		return NULL;
	for (u = htab[hash_of(level, parent, key) & (hcap - 1)]; u != NULL;
	     u = u->u.hnext)
		if (u->level == level && u->parent == parent &&
		    strncmp(unit_key(u), key.p, key.n) == 0 &&
		    unit_key(u)[key.n] == '\0')
			return u;
	return NULL;
}

/*
 * A new unit with its strings.  Buildings and households are not hashed:
 * a building listed twice is found when a grid's buildings are sorted.
 */
static struct unit *
make(int level, struct unit *parent, struct str key, struct str name,
    const struct str *attrs, const struct row *row)
{
	static const struct str none[8];
	int hashed = level != L_BUILDING && level != L_HOUSEHOLD;
	const struct str *v = attrs ? attrs : none;
	size_t n = hashed ? sizeof(char *) :
			    strs_size(row->file, (unsigned)row->line, key, name,
				&v, nslots[level]) +
		(level == L_BUILDING ? 2 * 2 : 0); /* POST_LOW */
	struct unit *u = arena(offsetof(struct unit, s) + n);

	memset(u, 0, sizeof *u);
	/* its last word: no byte undefined (write.c reads words) */
	memset((char *)u + ((offsetof(struct unit, s) + n + 7) & ~(size_t)7) -
		8,
	    0, 8);
	if (hashed && nhashed * 2 >= hcap)
		rehash();
	u->level = (unsigned)level & 7;
	u->parent = parent;
	u->file = file_number(row->file) & 0xFFFFFF;
	u->line = (unsigned)row->line;
	if (hashed)
		pack(u, key, name, v, nslots[level]);
	else { /* its strings are those unit_strs gives, for its checks */
		put_strs(u->s, key, name, v, nslots[level], NULL, split);
		split_u = u;
		if (level == L_BUILDING)
			memset(POST_LOW(split), 0, 2 * 2);
	}
	if (parent != NULL) {
		u->next = parent->child;
		parent->child = u;
	} else {
		u->next = roots;
		roots = u;
	}
	if (hashed) {
		size_t s = hash_of(level, parent, key) & (hcap - 1);

		nhashed++;
		u->u.hnext = htab[s];
		htab[s] = u;
	}
	return u;
}

/*
 * The unit of a level, made when new; rows repeat the street, community,
 * grid and compound of the row above, so the last of each is tried first.
 */
/* The last unit of each level unit_of gave. */
static struct unit *last[L_N];

static struct unit *
unit_of(int level, struct unit *parent, struct str key, struct str name,
    const struct row *row)
{
	struct unit *u = last[level];

	if (u != NULL && u->parent == parent &&
	    strncmp(unit_key(u), key.p, key.n) == 0 &&
	    unit_key(u)[key.n] == '\0')
		return u;
	u = find(level, parent, key);
	if (u == NULL)
		u = make(level, parent, key, name, NULL, row);
	last[level] = u;
	return u;
}

/* A second value v of attribute a of u, different: a problem. */
static void
two_values(struct unit *u, int a, const char *old, struct str v,
    const struct row *row)
{
	struct buf b = { 0 };
	char m1[256], m2[256];
	char *nv = xstrndup(v.p, v.n);

	/* personal data is masked in the problem too */
	buf_printf(&b, "%s: '%s' / '%s'",
	    cli.zh ? fld_zh(attr_names[a]) : attr_names[a],
	    shown(old, attr_kind(a), m1, sizeof m1),
	    shown(nv, attr_kind(a), m2, sizeof m2));
	problem(row->file, row->line, u, cli_text(N_("two values")), b.p);
	buf_free(&b);
	free(nv);
}

/* The unit each attribute was last set or found equal on, and the row
 * its value came from (struct row's from): the same value again, filled
 * down, is not compared again. */
static struct {
	const struct unit *u;
	unsigned long long from;
} same[A_N];

/* set, for a value not found equal already */
static void
set_value(struct unit *u, int a, const struct row *row, int f)
{
	struct str v = row->v[f], vals[8];
	const char *old;
	size_t i;

	old = unit_get(u, a);
	if (old != NULL) {
		if (strlen(old) != v.n || memcmp(old, v.p, v.n) != 0)
			two_values(u, a, old, v, row);
		else
			same[a].u = u, same[a].from = row->from[f];
		return;
	}
	/* pack again with the new value (the old block stays in the arena) */
	for (i = 0; i < nslots[u->level]; i++) {
		int j;

		for (j = 0; j < A_N && slot[u->level][j] != (int)i; j++)
			;
		vals[i] = j == a ? v :
				   str_c(unit_get(u, j) ? unit_get(u, j) : "");
	}
	pack(u, str_c(unit_key(u)), str_c(unit_name(u)), vals,
	    nslots[u->level]);
	same[a].u = u;
	same[a].from = row->from[f];
}

/* Set attribute a of a street, community, grid or compound from field f
 * of a row (they come on many rows); a second, different value is a
 * problem. */
static inline void
set(struct unit *u, int a, const struct row *row, int f)
{
	if (row->v[f].n > 0 && slot[u->level][a] >= 0 &&
	    (same[a].u != u || same[a].from != row->from[f]))
		set_value(u, a, row, f);
}

/* The digits d[0..n) as a number of at least width digits (as printf's
 * %0*d would write it; no printf: it is done for every row). */
static struct str
padded(const char *d, size_t n, size_t width, char *buf)
{
	size_t o = 0;

	while (n > 1 && *d == '0')
		d++, n--;
	while (o + n < width)
		buf[o++] = '0';
	if (n > 0 && n < 4) { /* (most: three bytes, inside, no call) */
		buf[o] = d[0];
		buf[o + n / 2] = d[n / 2];
		buf[o + n - 1] = d[n - 1];
	} else
		memcpy(buf + o, d, n);
	buf[o + n] = '\0';
	return (struct str) { buf, o + n };
}

/* The number in a grid id (网格03, 元宝山社区-网格3, 03, 3): "03". */
static struct str
grid_key(struct str id, char *buf)
{
	size_t i = id.n, end;

	while (i > 0 && (id.p[i - 1] < '0' || id.p[i - 1] > '9'))
		i--;
	end = i;
	while (i > 0 && id.p[i - 1] >= '0' && id.p[i - 1] <= '9')
		i--;
	if (end == i)
		return id; /* no number: the name is the key */
	while (i < end - 1 && id.p[i] == '0')
		i++;
	if (end - i > 9)
		return id; /* not a grid number: the name is the key */
	return padded(id.p + i, end - i, 2, buf);
}

/* A building's key: 5号楼, 5栋, 5幢, 5# -> 005; other names as they are. */
static struct str
building_key(struct str b, char *buf)
{
	static const char *const suffix[] = { "号楼", "号", "栋", "幢", "楼",
		"座", "#" };
	size_t i, j;

	/* the most common suffix, compared without a call */
	if (b.n > 6 && memcmp(b.p + b.n - 6, "号楼", 6) == 0)
		b.n -= 6;
	else
		for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
			size_t n = strlen(suffix[i]);

			if (b.n > n &&
			    memcmp(b.p + b.n - n, suffix[i], n) == 0) {
				b.n -= n;
				break;
			}
		}
	for (j = 0; j < b.n; j++)
		if (b.p[j] < '0' || b.p[j] > '9')
			return b;
	if (b.n == 0 || b.n > 6)
		return b;
	return padded(b.p, b.n, 3, buf);
}

static long long
count_slow(const struct row *row, int f, struct unit *u, int *ok)
{
	struct str n = row->v[f];
	long long x = 0;
	size_t j;

	*ok = 0;
	if (n.n == 0)
		return 0;
	for (j = 0; j < n.n && n.p[j] >= '0' && n.p[j] <= '9' && x < 1000000000;
	     j++)
		x = x * 10 + (n.p[j] - '0');
	if (j < n.n) {
		char *bad = xstrndup(n.p, n.n);

		problem(row->file, row->line, u,
		    f == G_HOUSEHOLDS ?
			cli_text(N_("households: not a count")) :
			cli_text(N_("residents: not a count")),
		    bad);
		free(bad);
		return 0;
	}
	*ok = 1;
	return x;
}

/* A count of field f (*ok: there is one), or 0: a value of nine digits
 * or fewer (most) read without a call, the others by count_slow (which
 * stops past 10^9 and says what is not a count). */
static inline long long
count_of(const struct row *row, int f, struct unit *u, int *ok)
{
	struct str n = row->v[f];
	long long x = 0;
	size_t j = 0;

	if (n.n == 0 || n.n > 9)
		return count_slow(row, f, u, ok);
	do {
		unsigned d = (unsigned)(unsigned char)n.p[j] - '0';

		if (d > 9)
			return count_slow(row, f, u, ok);
		x = x * 10 + d;
	} while (++j < n.n);
	*ok = 1;
	return x;
}

/* The name of a row's street: as written, or its community's (division
 * dc) in the division table; n 0: none. */
static struct str
street_name(const struct row *row, const struct division *dc)
{
	const struct division *ds;
	struct str v;

	v = division_name(row->v[G_STREET], L_STREET, NULL);
	if (v.n == 0 && (ds = division_street(dc)) != NULL)
		v = str_c(ds->name);
	return v;
}

/*
 * The grid grid_attrs was last given, and the data rows its values were
 * from, when that found no second value: the same grid and values again
 * (filled down on the rows below) would change nothing.
 */
static struct {
	const struct unit *grid;
	unsigned long long from[7];
} gsame;

/* What a row says of its grid. */
static void
grid_attrs(struct unit *grid, const struct row *row)
{
	static const unsigned char from[][2] = { { A_LEADER, G_GRID_LEADER },
		{ A_LEADER_PHONE, G_GRID_LEADER_PHONE },
		{ A_PARTY_ORG, G_GRID_PARTY_ORG }, { A_STAFF, G_HAS_STAFF },
		{ A_RULES, G_HAS_RULES }, { A_FUNDING, G_HAS_FUNDING },
		{ A_INCENTIVES, G_HAS_INCENTIVES } };
	unsigned long long diff = grid != gsame.grid, nprob = check_count();
	size_t i;

	for (i = 0; i < 7; i++)
		diff |= gsame.from[i] ^ row->from[from[i][1]];
	if (diff == 0)
		return;
	for (i = 0; i < 7; i++) {
		set(grid, from[i][0], row, from[i][1]);
		gsame.from[i] = row->from[from[i][1]];
	}
	gsame.grid = check_count() == nprob ? grid : NULL;
}

/* The grid of a row, and what the row says of it. */
static struct unit *
grid_of(struct unit *comm, const struct row *row)
{
	char kbuf[32], name[64];
	struct str k = grid_key(row->v[G_GRID_ID], kbuf);
	struct str nm = row->v[G_GRID_NAME];
	size_t w = strlen("网格");
	struct unit *grid;

	if (nm.n == 0) {
		/* 网格 and the number, when the sheet has no grid name */
		memcpy(name, "网格", w);
		memcpy(name + w, k.p, k.n < 40 ? k.n : 40);
		nm = (struct str) { name, w + (k.n < 40 ? k.n : 40) };
	}
	grid = unit_of(L_GRID, comm, k, nm, row);
	grid_attrs(grid, row);
	return grid;
}

/* What a row says of its compound. */
static void
compound_attrs(struct unit *comp, const struct row *row)
{
	struct str v = row->v[G_OWNERS_COMMITTEE];

	/* 无: it has none */
	if (!(v.n == strlen("无") && memcmp(v.p, "无", v.n) == 0))
		set(comp, A_OWNERS, row, G_OWNERS_COMMITTEE);
	set(comp, A_PROPERTY, row, G_PROPERTY_COMPANY);
}

/* The compound of a row, and what the row says of it. */
static struct unit *
compound_of(struct unit *comm, const struct row *row)
{
	struct unit *comp = unit_of(L_COMPOUND, comm, row->v[G_COMPOUND],
	    row->v[G_COMPOUND], row);

	compound_attrs(comp, row);
	return comp;
}

/* The building of a row (each row its own), and its party household. */
static void
building(struct unit *grid, struct unit *comp, const struct row *row)
{
	static const unsigned char from[][2] = {
		{ A_PARTY_ORG, G_BUILDING_PARTY_GROUP },
		{ A_OFFLINE, G_OFFLINE_LEADER },
		{ A_OFFLINE_PHONE, G_OFFLINE_LEADER_PHONE },
		{ A_ONLINE, G_ONLINE_LEADER },
		{ A_ONLINE_PHONE, G_ONLINE_LEADER_PHONE }, { A_ID, G_ID_NUMBER }
	};
	struct str a[6];
	char bbuf[32];
	struct unit *b;
	long long hh, rr;
	size_t i;
	int ok;

	for (i = 0; i < sizeof from / sizeof from[0]; i++)
		a[slot[L_BUILDING][from[i][0]]] = row->v[from[i][1]];
	b = make(L_BUILDING, grid, building_key(row->v[G_BUILDING], bbuf),
	    row->v[G_BUILDING], a, row);
	b->u.compound = comp;
	hh = count_of(row, G_HOUSEHOLDS, b, &ok);
	if (ok)
		b->has_counts = 1;
	rr = count_of(row, G_RESIDENTS, b, &ok);
	if (ok)
		b->has_counts = 1;
	if (hh > 0xFFFFFFFFLL || rr > 0xFFFFFFFFLL) {
		b->big = 1;
		b->c.sums = units_sums();
		b->c.sums[0] = hh;
		b->c.sums[1] = rr;
	} else {
		b->c.own[0] = (unsigned)hh;
		b->c.own[1] = (unsigned)rr;
	}
	/* checked while its strings are at hand */
	check_unit(b);
	if (row->v[G_PARTY_HOUSEHOLD].n > 0)
		make(L_HOUSEHOLD, b, row->v[G_PARTY_HOUSEHOLD],
		    row->v[G_PARTY_HOUSEHOLD], NULL, row);
}

/*
 * The last row's street, community, grid and compound, by the data rows
 * their values are from (struct row's from): rows below take them from
 * the row that starts a grid or compound, and the same values make the
 * same units.  The reading thread's part (units_pre) keeps the street's
 * and community's numbers and names, the units' (units_make) the units.
 */
static struct {
	unsigned long long street, comm; /* from */
	struct str v;			 /* the community's name */
	int on;				 /* a row made its community */
} pr;

static struct {
	unsigned long long grid, comp; /* from */
	struct unit *ustreet, *ucomm, *ugrid, *ucomp;
} lr;

/* The grid (f: G_GRID_ID) or compound (G_COMPOUND) of a row, and what
 * the row says of it: the last row's when its value is from the same
 * data row. */
static struct unit *
unit_again(int f, struct unit *comm, const struct row *row)
{
	int g = f == G_GRID_ID;
	struct unit **u = g ? &lr.ugrid : &lr.ucomp;
	unsigned long long *from = g ? &lr.grid : &lr.comp;

	if (*u == NULL || lr.ucomm != comm || *from != row->from[f])
		*u = g ? grid_of(comm, row) : compound_of(comm, row);
	else if (g)
		grid_attrs(*u, row);
	else
		compound_attrs(*u, row);
	*from = row->from[f];
	return *u;
}

int
units_pre(const struct rec *r, const struct row *row, struct upre *p)
{
	const struct division *dc = NULL;
	struct str v;

	p->again = pr.on && pr.street == row->from[G_STREET] &&
	    pr.comm == row->from[G_COMMUNITY];
	check_file(row->file);
	/* a rejected row makes no unit, not even its street */
	v = p->again ? pr.v :
		       division_name(row->v[G_COMMUNITY], L_COMMUNITY, &dc);
	if (v.n == 0 && (row->v[G_GRID_ID].n > 0 || row->v[G_BUILDING].n > 0)) {
		rec_reject(r,
		    _("field 'community': empty, and no row above "
		      "gives it"));
		return 0;
	}
	if (row->v[G_BUILDING].n > 0 && row->v[G_GRID_ID].n == 0) {
		rec_reject(r,
		    _("field 'grid_id': empty, and no row above "
		      "gives it"));
		return 0;
	}
	p->comm = v;
	if (!p->again) {
		p->street = street_name(row, dc);
		if (v.n > 0) {
			pr.street = row->from[G_STREET];
			pr.comm = row->from[G_COMMUNITY];
			pr.v = v;
			pr.on = 1;
		}
	}
	return 1;
}

void
units_make(const struct row *row, const struct upre *p)
{
	struct unit *street, *comm, *grid = NULL, *comp = NULL;

	if (p->again)
		comm = lr.ucomm;
	else {
		street = p->street.n > 0 ?
		    unit_of(L_STREET, NULL, p->street, p->street, row) :
		    NULL;
		if (p->comm.n == 0)
			return;
		comm = unit_of(L_COMMUNITY, street, p->comm, p->comm, row);
		lr.ustreet = street;
		lr.ucomm = comm;
		lr.ugrid = lr.ucomp = NULL;
	}
	if (row->v[G_GRID_ID].n > 0)
		grid = unit_again(G_GRID_ID, comm, row);
	if (row->v[G_COMPOUND].n > 0)
		comp = unit_again(G_COMPOUND, comm, row);
	if (row->v[G_BUILDING].n > 0)
		building(grid, comp, row);
}

int
units_row(const struct rec *r, const struct row *row)
{
	struct upre p;

	if (!units_pre(r, row, &p))
		return 0;
	units_make(row, &p);
	return 1;
}

void
units_reset(void)
{
	/* the first chunk is kept, for the next units */
	while (chunks != NULL && chunks->before != NULL) {
		struct chunk *before = chunks->before;

		free(chunks);
		chunks = before;
	}
	apos = amark = chunks != NULL ? (char *)(chunks + 1) : NULL;
	aleft = chunks != NULL ? chunks->size - sizeof *chunks - UNIT_SLACK : 0;
	nchunks = chunks != NULL;
	free(htab);
	htab = NULL;
	hcap = nhashed = nfiles = 0;
	roots = NULL;
	split_u = NULL;
	memset(last, 0, sizeof last);
	memset(same, 0, sizeof same);
	memset(&gsame, 0, sizeof gsame);
	memset(&lr, 0, sizeof lr);
	memset(&pr, 0, sizeof pr);
	units_merged = 0;
}
