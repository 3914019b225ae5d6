/*
 * grid-import: the units of the five-level organisation, made from the
 * rows of the sheets: street (街道), community (社区), grid (网格), compound
 * (小区), building (楼栋), household (党员中心户).  They are kept until the
 * end, when each gets its code, its counts from below, and the checks;
 * then they are written in the order of their codes, or summed up per
 * community (--summary), or only their problems (--check).
 *
 * A roster may have a million buildings, and the time goes into memory:
 * a unit is a small struct in an arena (in huge pages where the kernel
 * has them), its strings packed in one block after it, the code of a
 * building or household worked out when it is written; buildings are not
 * hashed (a building listed twice shows when a grid's buildings are
 * sorted); the posts people hold are hashes, sorted.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/fld.h"
#include "lib/stats.h"

const char *const level_names[L_N] = { "street", "community", "grid",
	"compound", "building", "household" };

/* Attributes of a unit (which apply depends on the level). */
enum {
	A_LEADER,
	A_LEADER_PHONE,
	A_PARTY_ORG,
	A_OFFLINE,
	A_OFFLINE_PHONE,
	A_ONLINE,
	A_ONLINE_PHONE,
	A_OWNERS,
	A_PROPERTY,
	A_STAFF,
	A_RULES,
	A_FUNDING,
	A_INCENTIVES,
	A_ID,
	A_N
};

static const char *const attr_names[A_N] = { "leader", "leader_phone",
	"party_org", "offline_leader", "offline_leader_phone", "online_leader",
	"online_leader_phone", "owners_committee", "property_company",
	"has_staff", "has_rules", "has_funding", "has_incentives", "id_number" };

/* Where each level keeps an attribute in its packed strings, or -1. */
static const signed char slot[L_N][A_N] = {
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

struct unit {
	struct unit *parent, *child, *next; /* the tree, in code order */
	union {
		struct unit *hnext;	    /* streets to compounds: hashed */
		struct unit *compound;	    /* a building's */
	} u;
	char *s;    /* key, name, then the level's attributes, each ended
		       by NUL ("" when absent) */
	char *code; /* NULL for buildings and households: see code_of */
	long long households, residents; /* own, then with those below */
	const char *file;
	unsigned short off[8]; /* where the name and each attribute begin */
	unsigned line, order, seq; /* seq: compounds, households */
	unsigned char level, has_counts;
};

struct problem {
	const char *file;
	long line;
	struct unit *u;
	char *what, *value;
	int kind; /* the value: 0 as is, 1 a phone, 2 an identity number */
	size_t order;
};

struct division {
	char *name; /* without the suffix */
	char *code;
};

static size_t nunit, nhashed;
static struct unit *roots; /* the units without a parent */
static struct unit **htab;
static size_t hcap;
static struct problem *probs;
static size_t nprob, capprob;
static struct division *divs;
static size_t ndivs;
static struct str *yes;
static size_t nyes;
static long max_posts = 3;

/* ---- memory ---- */

static char *apos;
static size_t aleft, nchunks;

static void *
arena(size_t n)
{
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (n > aleft) {
		/* chunks double up to 64 MiB, in huge pages where the
		 * kernel has them: page faults were a fifth of the time */
		size_t size = (size_t)1 << (20 + (nchunks < 6 ? nchunks : 6));

		if (size < n)
			size = n;
		p = xhuge(size);
		nchunks++;
		apos = p;
		aleft = size;
	}
	p = apos;
	apos += n;
	aleft -= n;
	return p;
}

/* a, then b (bn bytes), as one string in the arena */
static char *
acat(const char *a, const char *b, size_t bn)
{
	size_t an = strlen(a);
	char *p = arena(an + bn + 1);

	memcpy(p, a, an);
	memcpy(p + an, b, bn);
	p[an + bn] = '\0';
	return p;
}

/* ---- a unit's strings ---- */

static const char *
key_of(const struct unit *u)
{
	return u->s;
}

static const char *
name_of(const struct unit *u)
{
	return u->s + u->off[0];
}

static const char *
get(const struct unit *u, int a)
{
	int k = slot[u->level][a];
	const char *p;

	if (k < 0)
		return NULL;
	p = u->s + u->off[k + 1];
	return *p != '\0' ? p : NULL;
}

/* Pack key, name and the attributes v[] (absent: empty) into the arena. */
static void
pack(struct unit *u, struct str key, struct str name, const struct str *v,
    size_t nv)
{
	size_t n = key.n + 1 + name.n + 1, i;
	char *p;

	for (i = 0; i < nv; i++)
		n += v[i].n + 1;
	if (n > 0xFFFF) {
		/* longer than any sheet's cells: cut the attributes */
		static const struct str none[8];

		v = none;
		n = key.n + name.n + 2 + nv;
		if (n > 0xFFFF)
			zl_die(ZL_IOERR, _("%s:%u: a name longer than 64 KiB"),
			    u->file, u->line);
	}
	p = u->s = arena(n);
	if (key.n > 0)
		memcpy(p, key.p, key.n);
	p += key.n;
	*p++ = '\0';
	u->off[0] = (unsigned short)(p - u->s);
	if (name.n > 0)
		memcpy(p, name.p, name.n);
	p += name.n;
	*p++ = '\0';
	for (i = 0; i < nv; i++) {
		u->off[i + 1] = (unsigned short)(p - u->s);
		if (v[i].n > 0)
			memcpy(p, v[i].p, v[i].n);
		p += v[i].n;
		*p++ = '\0';
	}
}

/* The code of a building or household is its parent's and a part. */
static const char *
code_of(const struct unit *u, char *buf, size_t size)
{
	char up[256];
	const char *pc, *k;
	size_t n, kn;
	unsigned seq;

	if (u->code != NULL)
		return u->code;
	if (u->level == L_BUILDING) {
		pc = u->parent->code;
		seq = u->u.compound ? u->u.compound->seq : 0;
		k = key_of(u);
	} else {
		pc = code_of(u->parent, up, sizeof up);
		seq = u->seq;
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

static const char *const known_keys[] = { "divisions", "phones",
	"max-posts", "yes", "totals", NULL };
const struct cfg_section grid_import_section = { "grid-import",
	known_keys };

/* ---- names and divisions ---- */

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
		d = division_exact((struct str){ buf, s.n + strlen(add) },
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
		m->name = (struct str){ m->shortname.p ? m->shortname.p : "",
			m->shortname.n };
	}
	return m;
}

void
units_conf(void)
{
	const struct cfg *d = cfg_map(cfg_root(), "grid-import.divisions");
	const struct cfg *y = cfg_seq(cfg_root(), "grid-import.yes");
	size_t i;

	if (d != NULL) {
		divs = xcalloc(d->len + 1, sizeof *divs);
		for (i = 0; i < d->len; i++) {
			struct str s = short_name(str_c(d->keys[i]));
			const char *code = cfg_scalar_str(d->v[i]);
			size_t j;

			for (j = 0; code[j] != '\0'; j++)
				if (code[j] < '0' || code[j] > '9')
					cfg_error(d->v[i], _("expected a division "
							     "code of digits, "
							     "got '%s'"),
					    code);
			divs[ndivs].name = xstrndup(s.p, s.n);
			divs[ndivs].code = xstrdup(code);
			ndivs++;
		}
	}
	if (y != NULL) {
		yes = xcalloc(y->len + 1, sizeof *yes);
		for (i = 0; i < y->len; i++)
			yes[nyes++] = str_c(cfg_scalar_str(y->v[i]));
	}
	max_posts = cfg_int_range(cfg_root(), "grid-import.max-posts", 3, 1,
	    1000000);
}

/* ---- making units ---- */

/* A hash of bytes, eight at a time, well mixed (the low bits index). */
static size_t
hash_str(const char *p, size_t n, size_t h)
{
	uint64_t w;

	h ^= n * 0x9E3779B97F4A7C15ULL;
	while (n >= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
		p += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, p, n);
	h = (h ^ w ^ ((uint64_t)n << 56)) * 0x94d049bb133111ebULL;
	h ^= h >> 32;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static size_t
hash_of(int level, const struct unit *parent, struct str key)
{
	return hash_str(key.p, key.n,
	    0xcbf29ce484222325ULL ^ (size_t)level ^ (size_t)parent * 31);
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
				       str_c(key_of(u))) &
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
		    strncmp(u->s, key.p, key.n) == 0 && u->s[key.n] == '\0')
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
	struct unit *u = arena(sizeof *u);
	int hashed = level != L_BUILDING && level != L_HOUSEHOLD;

	memset(u, 0, sizeof *u);
	if (hashed && nhashed * 2 >= hcap)
		rehash();
	u->level = (unsigned char)level;
	u->parent = parent;
	u->file = row->file;
	u->line = (unsigned)row->line;
	pack(u, key, name, attrs ? attrs : none, nslots[level]);
	if (parent != NULL) {
		u->next = parent->child;
		parent->child = u;
	} else {
		u->next = roots;
		roots = u;
	}
	u->order = (unsigned)nunit++;
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
static struct unit *
unit_of(int level, struct unit *parent, struct str key, struct str name,
    const struct row *row)
{
	static struct unit *last[L_N];
	struct unit *u = last[level];

	if (u != NULL && u->parent == parent &&
	    strncmp(u->s, key.p, key.n) == 0 && u->s[key.n] == '\0')
		return u;
	u = find(level, parent, key);
	if (u == NULL)
		u = make(level, parent, key, name, NULL, row);
	last[level] = u;
	return u;
}

static void
problem_kind(const char *file, long line, struct unit *u, const char *what,
    const char *value, int kind)
{
	if (nprob == capprob) {
		capprob = capprob ? capprob * 2 : 64;
		probs = xreallocarray(probs, capprob, sizeof *probs);
	}
	probs[nprob].file = file;
	probs[nprob].line = line;
	probs[nprob].u = u;
	probs[nprob].what = xstrdup(what);
	probs[nprob].value = xstrdup(value ? value : "");
	probs[nprob].kind = kind;
	nprob++;
}

static void
problem(const char *file, long line, struct unit *u, const char *what,
    const char *value)
{
	problem_kind(file, line, u, what, value, 0);
}

/* The files in the order they were read (pointers from the reader). */
static const char *files_seen[4096];
static size_t nfiles_seen;

static size_t
file_rank(const char *f)
{
	size_t i;

	for (i = 0; i < nfiles_seen; i++)
		if (files_seen[i] == f)
			return i;
	if (nfiles_seen < sizeof files_seen / sizeof files_seen[0])
		files_seen[nfiles_seen++] = f;
	return nfiles_seen - 1;
}

/* Set an attribute of a street, community, grid or compound from a row
 * (they come on many rows); a second, different value is a problem. */
static void
set(struct unit *u, int a, struct str v, const struct row *row)
{
	const char *old;
	struct str vals[8];
	size_t i;

	if (v.n == 0 || slot[u->level][a] < 0)
		return;
	old = get(u, a);
	if (old != NULL) {
		if (strlen(old) != v.n || memcmp(old, v.p, v.n) != 0) {
			struct buf b = { 0 };
			char m1[256], m2[256];
			int kind = a == A_ID ? 2 : a == A_LEADER_PHONE ||
				a == A_OFFLINE_PHONE || a == A_ONLINE_PHONE;

			/* personal data is masked in the problem too */
			if (gopt.mask && kind != 0) {
				char *nv = xstrndup(v.p, v.n);

				old = mask(str_c(old), kind == 2, m1, sizeof m1);
				mask(str_c(nv), kind == 2, m2, sizeof m2);
				v = str_c(m2);
				free(nv);
			}
			buf_printf(&b, "%s: '%s' / '%.*s'", attr_names[a], old,
			    (int)v.n, v.p);
			problem(row->file, row->line, u, _("two values"), b.p);
			buf_free(&b);
		}
		return;
	}
	/* pack again with the new value (the old block stays in the arena) */
	for (i = 0; i < nslots[u->level]; i++) {
		int j;

		for (j = 0; j < A_N && slot[u->level][j] != (int)i; j++)
			;
		vals[i] = j == a ? v : str_c(get(u, j) ? get(u, j) : "");
	}
	pack(u, str_c(key_of(u)), str_c(name_of(u)), vals, nslots[u->level]);
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
	snprintf(buf, 32, "%02d", atoi(id.p + i));
	return str_c(buf);
}

/* A building's key: 5号楼, 5栋, 5幢, 5# -> 005; other names as they are. */
static struct str
building_key(struct str b, char *buf)
{
	static const char *const suffix[] = { "号楼", "号", "栋", "幢", "楼",
		"座", "#" };
	size_t i, j;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		size_t n = strlen(suffix[i]);

		if (b.n > n && memcmp(b.p + b.n - n, suffix[i], n) == 0) {
			b.n -= n;
			break;
		}
	}
	for (j = 0; j < b.n; j++)
		if (b.p[j] < '0' || b.p[j] > '9')
			return b;
	if (b.n == 0 || b.n > 6)
		return b;
	snprintf(buf, 32, "%03d", atoi(b.p));
	return str_c(buf);
}

static long long
count_of(const struct row *row, int f, struct unit *u, int *ok)
{
	struct str n = row->v[f];
	long long x = 0;
	size_t j;

	*ok = 0;
	if (n.n == 0)
		return 0;
	for (j = 0; j < n.n && n.p[j] >= '0' && n.p[j] <= '9' &&
	     x < 1000000000; j++)
		x = x * 10 + (n.p[j] - '0');
	if (j < n.n) {
		char *bad = xstrndup(n.p, n.n);

		problem(row->file, row->line, u,
		    f == G_HOUSEHOLDS ? _("households: not a count") :
					_("residents: not a count"),
		    bad);
		free(bad);
		return 0;
	}
	*ok = 1;
	return x;
}

void
units_row(const struct rec *r, const struct row *row)
{
	const struct division *dc;
	struct unit *street = NULL, *comm, *grid = NULL, *comp = NULL, *bld;
	struct str v;
	char kbuf[32], bbuf[32];
	int ok;

	file_rank(row->file);
	/* the street: as written, or the community's in the division table */
	dc = named(row->v[G_COMMUNITY], L_COMMUNITY)->d;
	v = named(row->v[G_STREET], L_STREET)->name;
	if (v.n == 0 && dc != NULL && strlen(dc->code) > 9) {
		const struct division *ds = NULL;
		size_t k;

		for (k = 0; k < ndivs; k++)
			if (strlen(divs[k].code) == 9 &&
			    memcmp(divs[k].code, dc->code, 9) == 0)
				ds = &divs[k];
		if (ds != NULL)
			v = str_c(ds->name);
	}
	if (v.n > 0)
		street = unit_of(L_STREET, NULL, v, v, row);
	v = named(row->v[G_COMMUNITY], L_COMMUNITY)->name;
	if (v.n == 0) {
		if (row->v[G_GRID_ID].n > 0 || row->v[G_BUILDING].n > 0)
			rec_reject(r, _("field 'community': empty, and no "
					"row above gives it"));
		return;
	}
	comm = unit_of(L_COMMUNITY, street, v, v, row);
	if (row->v[G_GRID_ID].n > 0) {
		struct str k = grid_key(row->v[G_GRID_ID], kbuf);
		char name[64];
		size_t w = strlen("网格");

		/* 网格 and the number, when the sheet has no grid name */
		memcpy(name, "网格", w);
		memcpy(name + w, k.p, k.n < 40 ? k.n : 40);
		grid = unit_of(L_GRID, comm, k,
		    row->v[G_GRID_NAME].n > 0 ?
			row->v[G_GRID_NAME] :
			(struct str){ name, w + (k.n < 40 ? k.n : 40) },
		    row);
		set(grid, A_LEADER, row->v[G_GRID_LEADER], row);
		set(grid, A_LEADER_PHONE, row->v[G_GRID_LEADER_PHONE], row);
		set(grid, A_PARTY_ORG, row->v[G_GRID_PARTY_ORG], row);
		set(grid, A_STAFF, row->v[G_HAS_STAFF], row);
		set(grid, A_RULES, row->v[G_HAS_RULES], row);
		set(grid, A_FUNDING, row->v[G_HAS_FUNDING], row);
		set(grid, A_INCENTIVES, row->v[G_HAS_INCENTIVES], row);
	}
	if (row->v[G_COMPOUND].n > 0) {
		comp = unit_of(L_COMPOUND, comm, row->v[G_COMPOUND],
		    row->v[G_COMPOUND], row);
		v = row->v[G_OWNERS_COMMITTEE];
		if (!(v.n == strlen("无") && memcmp(v.p, "无", v.n) == 0))
			set(comp, A_OWNERS, v, row);
		set(comp, A_PROPERTY, row->v[G_PROPERTY_COMPANY], row);
	}
	if (row->v[G_BUILDING].n > 0) {
		struct str a[6];

		if (grid == NULL) {
			rec_reject(r, _("field 'grid_id': empty, and no row "
					"above gives it"));
			return;
		}
		a[slot[L_BUILDING][A_PARTY_ORG]] = row->v[G_BUILDING_PARTY_GROUP];
		a[slot[L_BUILDING][A_OFFLINE]] = row->v[G_OFFLINE_LEADER];
		a[slot[L_BUILDING][A_OFFLINE_PHONE]] =
		    row->v[G_OFFLINE_LEADER_PHONE];
		a[slot[L_BUILDING][A_ONLINE]] = row->v[G_ONLINE_LEADER];
		a[slot[L_BUILDING][A_ONLINE_PHONE]] =
		    row->v[G_ONLINE_LEADER_PHONE];
		a[slot[L_BUILDING][A_ID]] = row->v[G_ID_NUMBER];
		bld = make(L_BUILDING, grid, building_key(row->v[G_BUILDING],
						  bbuf),
		    row->v[G_BUILDING], a, row);
		bld->u.compound = comp;
		bld->households = count_of(row, G_HOUSEHOLDS, bld, &ok);
		bld->has_counts |= ok;
		bld->residents = count_of(row, G_RESIDENTS, bld, &ok);
		bld->has_counts |= ok;
		if (row->v[G_PARTY_HOUSEHOLD].n > 0)
			make(L_HOUSEHOLD, bld, row->v[G_PARTY_HOUSEHOLD],
			    row->v[G_PARTY_HOUSEHOLD], NULL, row);
	}
}

/* ---- the end: codes, counts, checks ---- */

static int
is_yes(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < nyes; i++)
		if (strcmp(s, yes[i].p) == 0)
			return 1;
	return 0;
}

/* The path of names down to u (into a buffer kept for the next call). */
static const char *
path_of(const struct unit *u)
{
	static struct buf b;
	const struct unit *chain[8];
	size_t n = 0, i;

	for (; u != NULL && n < 8; u = u->parent)
		chain[n++] = u;
	buf_reset(&b);
	for (i = n; i-- > 0;) {
		if (chain[i]->level == L_GRID) {
			buf_adds(&b, "网格");
			buf_adds(&b, key_of(chain[i]));
		} else
			buf_adds(&b, name_of(chain[i]));
		if (i > 0)
			buf_addc(&b, '/');
	}
	return b.p ? b.p : "";
}

/* A count as text (no printf: it is done a million times). */
static struct str
num(long long v, char *buf)
{
	char *p = buf + 23;
	unsigned long long x = v < 0 ? 0ULL - (unsigned long long)v :
				       (unsigned long long)v;

	*p = '\0';
	do
		*--p = (char)('0' + x % 10);
	while ((x /= 10) > 0);
	if (v < 0)
		*--p = '-';
	return (struct str){ p, (size_t)(buf + 23 - p) };
}

/*
 * Posts a person holds: the hash of every post's person (identity number,
 * or else name and phone) is noted, 8 bytes a post; the hashes are sorted;
 * those that come more than max-posts times are few, and only their posts
 * are looked at again, comparing people exactly.
 */
static const int post_attr[3][3] = { { A_LEADER, A_LEADER_PHONE, -1 },
	{ A_OFFLINE, A_OFFLINE_PHONE, A_ID }, { A_ONLINE, A_ONLINE_PHONE, -1 } };

static uint64_t *hashes, *hot;
static size_t nhashes, caphashes, nhot;

struct post {
	uint64_t h;
	struct unit *u;
	int role; /* 0 grid leader, 1 offline, 2 online building leader */
	size_t order;
};

static int
cmp_post(const void *a, const void *b)
{
	const struct post *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct post *hotposts;
static size_t nhotposts, caphotposts;

/* The person of a post: "id:..." or "name|phone" into buf. */
static const char *
post_key(const struct unit *u, int role, char *buf, size_t size,
    const char **name)
{
	const char *id = post_attr[role][2] >= 0 ? get(u, post_attr[role][2]) :
						   NULL;
	const char *ph = get(u, post_attr[role][1]);

	*name = get(u, post_attr[role][0]);
	if (id != NULL)
		snprintf(buf, size, "id:%s", id);
	else
		snprintf(buf, size, "%s|%s", *name, ph ? ph : "");
	return buf;
}

/* The hash of post_key's text, without making it. */
static uint64_t
post_hash(const struct unit *u, int role)
{
	const char *id = post_attr[role][2] >= 0 ? get(u, post_attr[role][2]) :
						   NULL;
	const char *a = id != NULL ? id : get(u, post_attr[role][0]);
	const char *b = id != NULL ? NULL : get(u, post_attr[role][1]);
	uint64_t h;

	h = hash_str(id != NULL ? "id:" : "", id != NULL ? 3 : 0,
	    0xcbf29ce484222325ULL);
	h = hash_str(a, strlen(a), h);
	h = hash_str(id != NULL ? "" : "|", id != NULL ? 0 : 1, h);
	return hash_str(b ? b : "", b ? strlen(b) : 0, h);
}

static int
is_hot(uint64_t h)
{
	size_t lo = 0, hi = nhot;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (hot[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nhot && hot[lo] == h;
}

/*
 * First walk: note the hash; second walk (the same order): keep the post
 * if its hash, noted then, is hot.
 */
static size_t second;

static void
count_post(struct unit *u, int role)
{
	uint64_t h;

	if (hot == NULL) {
		if (nhashes == caphashes) {
			caphashes = caphashes ? caphashes + caphashes / 2 : 4096;
			hashes = xreallocarray(hashes, caphashes,
			    sizeof *hashes);
		}
		hashes[nhashes++] = post_hash(u, role);
		return;
	}
	h = hashes[second++];
	if (!is_hot(h))
		return;
	if (nhotposts == caphotposts) {
		caphotposts = caphotposts ? caphotposts * 2 : 64;
		hotposts = xreallocarray(hotposts, caphotposts,
		    sizeof *hotposts);
	}
	hotposts[nhotposts].h = h;
	hotposts[nhotposts].u = u;
	hotposts[nhotposts].role = role;
	hotposts[nhotposts].order = nhotposts;
	nhotposts++;
}

static void posts_of(struct unit *u);

/* After the first walk: the hot hashes; then the exact count of the
 * people behind them. */
static void
check_posts(void)
{
	size_t i, j, x, y;
	char a[512], b[512];
	const char *name, *other;
	uint64_t *sorted;

	sorted = xreallocarray(NULL, nhashes ? nhashes : 1, sizeof *sorted);
	if (nhashes > 0)
		memcpy(sorted, hashes, nhashes * sizeof *sorted);
	sort_u64(sorted, nhashes);
	for (i = 0; i < nhashes; i = j) {
		for (j = i + 1; j < nhashes && sorted[j] == sorted[i]; j++)
			;
		if ((long)(j - i) > max_posts) {
			hot = xreallocarray(hot, nhot + 1, sizeof *hot);
			hot[nhot++] = sorted[i];
		}
	}
	free(sorted);
	if (nhot > 0)
		posts_of(roots);
	free(hashes);
	hashes = NULL;
	if (nhot == 0)
		return;
	/* people compared exactly, among the posts of one hash */
	qsort(hotposts, nhotposts, sizeof *hotposts, cmp_post);
	for (x = 0; x < nhotposts; x++) {
		long n = 1;

		if (hotposts[x].u == NULL)
			continue;
		post_key(hotposts[x].u, hotposts[x].role, a, sizeof a, &name);
		for (y = x + 1; y < nhotposts && hotposts[y].h == hotposts[x].h;
		     y++)
			if (hotposts[y].u != NULL &&
			    strcmp(a, post_key(hotposts[y].u, hotposts[y].role,
					  b, sizeof b, &other)) == 0) {
				hotposts[y].u = NULL;
				n++;
			}
		if (n > max_posts) {
			struct unit *u = hotposts[x].u;
			char v[256];

			snprintf(v, sizeof v, "%s (%ld)", name, n);
			problem(u->file, u->line, u,
			    _("one person holds more posts than max-posts"), v);
		}
	}
	free(hotposts);
	free(hot);
}

static int
cmp_kid_key(const void *a, const void *b)
{
	return strcmp(key_of(*(struct unit *const *)a),
	    key_of(*(struct unit *const *)b));
}

/* Siblings in the order of their codes: a building's code is its grid's,
 * its compound's number and its key; the rest have theirs. */
static int
cmp_kid_code(const void *a, const void *b)
{
	const struct unit *x = *(struct unit *const *)a;
	const struct unit *y = *(struct unit *const *)b;
	int c;

	if (x->code != NULL && y->code != NULL)
		c = strcmp(x->code, y->code);
	else if (x->level == L_BUILDING && y->level == L_BUILDING) {
		unsigned cx = x->u.compound ? x->u.compound->seq : 0;
		unsigned cy = y->u.compound ? y->u.compound->seq : 0;

		c = cx != cy ? (cx < cy ? -1 : 1) : strcmp(key_of(x), key_of(y));
	} else
		c = x->seq < y->seq ? -1 : x->seq > y->seq;
	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The code of a street or a community: the division's, or made up. */
static char *
division_code(struct unit *u)
{
	const struct division *d = division_of(str_c(name_of(u)), u->level);
	const char *pc = u->parent ? u->parent->code : NULL;
	const char *nm = name_of(u);

	if (d == NULL) {
		problem(u->file, u->line, u,
		    u->level == L_STREET ?
			_("a street not in the division table") :
			_("a community not in the division table"),
		    nm);
		return pc ? acat(acat(pc, "-", 1), nm, strlen(nm)) :
			    acat("", nm, strlen(nm));
	}
	if (pc != NULL && strncmp(d->code, pc, strlen(pc)) != 0) {
		problem(u->file, u->line, u,
		    _("a community under another street"),
		    name_of(u->parent));
		return acat(acat(pc, "-", 1), nm, strlen(nm));
	}
	return d->code;
}

static void
check_unit(struct unit *u)
{
	static const int phones[] = { A_LEADER_PHONE, A_OFFLINE_PHONE,
		A_ONLINE_PHONE };
	const char *why, *v;
	size_t j;

	if (u->level == L_GRID) {
		if (get(u, A_LEADER) == NULL)
			problem(u->file, u->line, u, _("a grid without a leader"),
			    name_of(u));
		else
			count_post(u, 0);
		if (get(u, A_PARTY_ORG) == NULL)
			problem(u->file, u->line, u,
			    _("a grid without a party organisation"),
			    name_of(u));
	}
	if (u->level == L_BUILDING) {
		if (get(u, A_OFFLINE) == NULL)
			problem(u->file, u->line, u,
			    _("a building without an offline leader"),
			    name_of(u));
		else
			count_post(u, 1);
		if (get(u, A_ONLINE) == NULL)
			problem(u->file, u->line, u,
			    _("a building without an online leader"),
			    name_of(u));
		else
			count_post(u, 2);
	}
	for (j = 0; j < 3; j++)
		if ((v = get(u, phones[j])) != NULL &&
		    (why = check_phone(str_c(v))) != NULL)
			problem_kind(u->file, u->line, u, why, v, 1);
	if ((v = get(u, A_ID)) != NULL && (why = check_id(str_c(v))) != NULL)
		problem_kind(u->file, u->line, u, why, v, 2);
}

/* Sort a list of units and link it again in that order; the first. */
static struct unit *
sort_list(struct unit *first, int (*cmp)(const void *, const void *))
{
	static struct unit **v;
	static size_t cap;
	struct unit *u;
	size_t n = 0, i;

	for (u = first; u != NULL; u = u->next)
		n++;
	if (n < 2)
		return first;
	if (n > cap) {
		cap = n;
		v = xreallocarray(v, cap, sizeof *v);
	}
	for (u = first, n = 0; u != NULL; u = u->next)
		v[n++] = u;
	qsort(v, n, sizeof *v, cmp);
	for (i = 0; i + 1 < n; i++)
		v[i]->next = v[i + 1];
	v[n - 1]->next = NULL;
	return v[0];
}

static int
same_code(const struct unit *a, const struct unit *b)
{
	char x[256], y[256];

	return strcmp(code_of(a, x, sizeof x), code_of(b, y, sizeof y)) == 0;
}

/* Codes, top down; checks; counts, bottom up. */
static void
finish(struct unit *u)
{
	struct unit *k, *prev = NULL;
	unsigned seq = 0;
	char num[16];

	check_unit(u);
	/* compounds and households are numbered in the order of names */
	if (u->level == L_COMMUNITY || u->level == L_BUILDING) {
		u->child = sort_list(u->child, cmp_kid_key);
		for (k = u->child; k != NULL; k = k->next)
			if (k->level == L_COMPOUND || k->level == L_HOUSEHOLD)
				k->seq = ++seq;
	}
	for (k = u->child; k != NULL; k = k->next)
		switch (k->level) {
		case L_COMMUNITY:
			k->code = division_code(k);
			break;
		case L_GRID:
			k->code = acat(acat(u->code, "-", 1), key_of(k),
			    strlen(key_of(k)));
			break;
		case L_COMPOUND:
			snprintf(num, sizeof num, "-X%02u", k->seq);
			k->code = acat(u->code, num, strlen(num));
			break;
		}
	u->child = sort_list(u->child, cmp_kid_code);
	for (k = u->child; k != NULL; prev = k, k = k->next) {
		while (prev != NULL && k != NULL && same_code(prev, k)) {
			char c[256];

			if (k->level != L_BUILDING) {
				problem(k->file, k->line, k,
				    _("the same code as another unit"),
				    code_of(k, c, sizeof c));
				break;
			}
			/* a building listed twice counts once */
			problem(k->file, k->line, k,
			    _("the same building twice"), name_of(k));
			prev->next = k->next;
			k = k->next;
		}
		if (k == NULL)
			break;
		finish(k);
		if (k->level != L_HOUSEHOLD && k->level != L_COMPOUND) {
			u->households += k->households;
			u->residents += k->residents;
			u->has_counts |= k->has_counts;
		}
	}
}

/* The second walk over the posts (see check_posts). */
static void
posts_of(struct unit *list)
{
	struct unit *u;

	for (u = list; u != NULL; u = u->next) {
		if (u->level == L_GRID && get(u, A_LEADER) != NULL)
			count_post(u, 0);
		if (u->level == L_BUILDING) {
			if (get(u, A_OFFLINE) != NULL)
				count_post(u, 1);
			if (get(u, A_ONLINE) != NULL)
				count_post(u, 2);
		}
		if (u->level < L_BUILDING)
			posts_of(u->child);
	}
}

void
units_finish(void)
{
	struct unit *u;

	for (u = roots; u != NULL; u = u->next)
		u->code = u->level == L_STREET || u->level == L_COMMUNITY ?
		    division_code(u) :
		    acat("", name_of(u), strlen(name_of(u)));
	roots = sort_list(roots, cmp_kid_code);
	for (u = roots; u != NULL; u = u->next)
		finish(u);
	check_posts();
}

unsigned long long
units_problems(void)
{
	return nprob;
}

/* ---- writing ---- */

/* The unit after u, depth first, in the order of codes. */
static struct unit *
walk_next(const struct unit *u)
{
	if (u->child != NULL)
		return u->child;
	while (u != NULL && u->next == NULL)
		u = u->parent;
	return u != NULL ? u->next : NULL;
}

static struct str
s_of(const char *s)
{
	return str_c(s ? s : "");
}

static const char *
shown(const char *v, int kind, char *buf, size_t size)
{
	/* kind: 0 as is, 1 a phone, 2 an identity number */
	if (v == NULL)
		return "";
	if (gopt.mask && kind != 0)
		return mask(str_c(v), kind == 2, buf, size);
	return v;
}

void
units_write(int fmt, unsigned flags)
{
	static const char *const cols[] = { "level", "code", "name", "parent",
		"path", "leader", "leader_phone", "party_org", "offline_leader",
		"offline_leader_phone", "online_leader", "online_leader_phone",
		"compound", "households", "residents", "owners_committee",
		"property_company", "has_staff", "has_rules", "has_funding",
		"has_incentives", "id_number" };
	enum { NC = sizeof cols / sizeof cols[0] };
	struct str names[NC], f[NC];
	unsigned char types[NC];
	char hh[24], rr[24], m1[64], m2[64], m3[64], m4[64], c1[256], c2[256];
	struct unit *u;
	struct wr *w;
	size_t k;

	fld_header(cols, NC, cli.zh, names, types);
	w = wr_open(fmt, NC, names, types, flags);
	for (u = roots; u != NULL; u = walk_next(u)) {
		if (gopt.level >= 0 && u->level != gopt.level)
			continue;
		f[0] = str_c(level_names[u->level]);
		f[1] = str_c(code_of(u, c1, sizeof c1));
		f[2] = str_c(name_of(u));
		f[3] = str_c(u->parent ? code_of(u->parent, c2, sizeof c2) : "");
		f[4] = str_c(path_of(u));
		f[5] = s_of(get(u, A_LEADER));
		f[6] = str_c(shown(get(u, A_LEADER_PHONE), 1, m1, sizeof m1));
		f[7] = s_of(get(u, A_PARTY_ORG));
		f[8] = s_of(get(u, A_OFFLINE));
		f[9] = str_c(shown(get(u, A_OFFLINE_PHONE), 1, m2, sizeof m2));
		f[10] = s_of(get(u, A_ONLINE));
		f[11] = str_c(shown(get(u, A_ONLINE_PHONE), 1, m3, sizeof m3));
		f[12] = s_of(u->level == L_BUILDING && u->u.compound ?
			name_of(u->u.compound) : NULL);
		f[13] = u->has_counts ? num(u->households, hh) : str_c("");
		f[14] = u->has_counts ? num(u->residents, rr) : str_c("");
		f[15] = s_of(get(u, A_OWNERS));
		f[16] = s_of(get(u, A_PROPERTY));
		for (k = 0; k < 4; k++)
			f[17 + k] = str_c(u->level != L_GRID ? "" :
					  is_yes(get(u, A_STAFF + (int)k)) ?
								   "1" :
								   "0");
		f[21] = str_c(shown(get(u, A_ID), 2, m4, sizeof m4));
		wr_rec(w, f);
	}
	wr_close(w);
}

/* Per community: the counts of its units (--summary). */
enum {
	S_GRIDS,
	S_BRANCHES,
	S_COMPOUNDS,
	S_BUILDINGS,
	S_GROUPS,
	S_HOUSEHOLDS,
	S_OFFLINE,
	S_ONLINE,
	S_OWNERS,
	S_FOUR,
	S_N
};

static void
summary_add(long long *s, const struct unit *u)
{
	switch (u->level) {
	case L_GRID:
		s[S_GRIDS]++;
		if (get(u, A_PARTY_ORG) != NULL)
			s[S_BRANCHES]++;
		if (is_yes(get(u, A_STAFF)) && is_yes(get(u, A_RULES)) &&
		    is_yes(get(u, A_FUNDING)) && is_yes(get(u, A_INCENTIVES)))
			s[S_FOUR]++;
		break;
	case L_COMPOUND:
		s[S_COMPOUNDS]++;
		if (get(u, A_OWNERS) != NULL)
			s[S_OWNERS]++;
		break;
	case L_BUILDING:
		s[S_BUILDINGS]++;
		if (get(u, A_PARTY_ORG) != NULL)
			s[S_GROUPS]++;
		if (get(u, A_OFFLINE) != NULL)
			s[S_OFFLINE]++;
		if (get(u, A_ONLINE) != NULL)
			s[S_ONLINE]++;
		break;
	case L_HOUSEHOLD:
		s[S_HOUSEHOLDS]++;
		break;
	}
}

static void
summary_row(struct wr *w, const char *street, const char *comm,
    const long long *s)
{
	char cell[S_N + 1][32];
	struct str f[S_N + 3];
	size_t i;

	f[0] = str_c(street);
	f[1] = str_c(comm);
	for (i = 0; i < S_N; i++) {
		snprintf(cell[i], 32, "%lld", s[i]);
		f[2 + i] = str_c(cell[i]);
	}
	cell[S_N][0] = '\0';
	if (s[S_GRIDS] > 0) {
		long long v = (2 * s[S_FOUR] * 10000 + s[S_GRIDS]) /
		    (2 * s[S_GRIDS]);

		snprintf(cell[S_N], 32, "%lld.%02lld", v / 100, v % 100);
	}
	f[2 + S_N] = str_c(cell[S_N]);
	wr_rec(w, f);
}

void
units_summary(int fmt, unsigned flags)
{
	static const char *const cols[] = { "street", "community", "grids",
		"grid_party_branches", "compounds", "buildings",
		"building_party_groups", "party_households", "offline_leaders",
		"online_leaders", "owners_committees", "four_haves",
		"four_haves_pct" };
	enum { NC = sizeof cols / sizeof cols[0] };
	struct str names[NC];
	unsigned char types[NC];
	long long s[S_N], total[S_N];
	const struct unit *c;
	struct wr *w;
	size_t k;

	fld_header(cols, NC, cli.zh, names, types);
	w = wr_open(fmt, NC, names, types, flags);
	memset(total, 0, sizeof total);
	for (c = roots; c != NULL; c = walk_next(c)) {
		const struct unit *u;

		if (c->level != L_COMMUNITY)
			continue;
		memset(s, 0, sizeof s);
		/* everything below it: until the walk leaves it */
		for (u = c->child; u != NULL; u = walk_next(u)) {
			const struct unit *a = u;

			while (a != NULL && a != c)
				a = a->parent;
			if (a == NULL)
				break;
			summary_add(s, u);
		}
		for (k = 0; k < S_N; k++)
			total[k] += s[k];
		summary_row(w, c->parent ? name_of(c->parent) : "", name_of(c),
		    s);
	}
	if (gopt.total)
		summary_row(w, cli.zh ? "合计" : "total", "", total);
	wr_close(w);
}

static int
cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	size_t fx = file_rank(x->file), fy = file_rank(y->file);

	if (fx != fy)
		return fx < fy ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void
units_check(int fmt, unsigned flags)
{
	static const char *const cols[] = { "file", "line", "level", "code",
		"problem", "value" };
	struct str names[6], f[6];
	unsigned char types[6];
	struct wr *w;
	size_t i;

	fld_header(cols, 6, cli.zh, names, types);
	w = wr_open(fmt, 6, names, types, flags);
	/* in the order of the sheets (then the order found) */
	for (i = 0; i < nprob; i++)
		probs[i].order = i;
	if (nprob > 0)
		qsort(probs, nprob, sizeof *probs, cmp_problem);
	for (i = 0; i < nprob; i++) {
		struct problem *p = &probs[i];
		char line[24], m[128], c[256];
		const char *v = p->value;

		/* phones and identity numbers are masked in problems too */
		if (gopt.mask && p->kind != 0)
			v = mask(str_c(v), p->kind == 2, m, sizeof m);
		snprintf(line, sizeof line, "%ld", p->line);
		f[0] = str_c(p->file);
		f[1] = str_c(line);
		f[2] = str_c(level_names[p->u->level]);
		f[3] = str_c(code_of(p->u, c, sizeof c));
		f[4] = str_c(p->what);
		f[5] = str_c(v);
		wr_rec(w, f);
	}
	wr_close(w);
}
