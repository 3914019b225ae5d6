/*
 * grid-import: the units of the five-level organisation, made from the
 * rows of the sheets: street (街道), community (社区), grid (网格), compound
 * (小区), building (楼栋), household (党员中心户).  They are kept until the
 * end, when each gets its code, its counts from below, and the checks;
 * then they are written in the order of their codes, or summed up per
 * community (--summary), or only their problems (--check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/fld.h"

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

struct unit {
	int level;
	char *name, *key;
	struct unit *parent, *compound;
	char *code;
	char *attr[A_N];
	long long households, residents; /* own, then with those below */
	int has_counts;
	const char *file;
	long line;
	struct unit *hnext; /* in the hash chain */
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

static struct unit **units;
static size_t nunit, capunit;
static struct unit **htab;
static size_t hcap;
static struct problem *probs;
static size_t nprob, capprob;
static struct division *divs;
static size_t ndivs;
static struct str *yes;
static size_t nyes;
static long max_posts = 3;

/* ---- names ---- */

/* The name without the suffixes division names carry. */
static struct str
short_name(struct str s)
{
	static const char *const suffix[] = { "居民委员会", "社区居委会",
		"居委会", "街道办事处", "办事处" };
	size_t i;

	s = str_trim(s);
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		size_t n = strlen(suffix[i]);

		if (s.n > n && memcmp(s.p + s.n - n, suffix[i], n) == 0) {
			s.n -= n;
			/* 元宝山社区居委会 -> 元宝山社区; 元宝山街道办事处 -> 元宝山街道 */
			if (strcmp(suffix[i], "社区居委会") == 0)
				s.n += strlen("社区");
			if (strcmp(suffix[i], "办事处") == 0 && s.n >= 6 &&
			    memcmp(s.p + s.n - 6, "街道", 6) != 0)
				s.n += n;
			break;
		}
	}
	return s;
}

static const struct division *
division_exact(struct str s)
{
	size_t i;

	for (i = 0; i < ndivs; i++)
		if (strlen(divs[i].name) == s.n &&
		    memcmp(divs[i].name, s.p, s.n) == 0)
			return &divs[i];
	return NULL;
}

/* The division of a name: 钢城街道办事处, 钢城街道 and 钢城 are one. */
static const struct division *
division_of(struct str name)
{
	static const char *const add[] = { "街道", "社区" };
	struct str s = short_name(name);
	const struct division *d = division_exact(s);
	size_t i;

	for (i = 0; d == NULL && i < 2; i++) {
		char buf[256];

		if (s.n == 0 || s.n + strlen(add[i]) >= sizeof buf)
			break;
		memcpy(buf, s.p, s.n);
		memcpy(buf + s.n, add[i], strlen(add[i]));
		d = division_exact((struct str){ buf, s.n + strlen(add[i]) });
	}
	return d;
}

/* The name a unit goes by: the division's when the table knows it. */
static struct str
division_name(struct str name)
{
	const struct division *d = division_of(name);

	return d != NULL ? str_c(d->name) : short_name(name);
}

void
units_conf(void)
{
	const struct cfg *d = cfg_map(cfg_root(), "grid-import.divisions");
	const struct cfg *y = cfg_seq(cfg_root(), "grid-import.yes");
	static const char *const known[] = { "divisions", "phones",
		"max-posts", "yes", "totals", NULL };
	size_t i;

	cfg_known(cfg_map(cfg_root(), "grid-import"), known);
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

/* ---- the units ---- */

static size_t
hash_of(int level, const struct unit *parent, struct str key)
{
	size_t h = (size_t)level * 0x9E3779B97F4A7C15ULL ^ (size_t)parent;
	size_t i;

	for (i = 0; i < key.n; i++)
		h = (h ^ (unsigned char)key.p[i]) * 0x100000001B3ULL;
	return h ^ (h >> 29);
}

static void
rehash(void)
{
	size_t i;

	free(htab);
	hcap = hcap ? hcap * 2 : 1024;
	htab = xcalloc(hcap, sizeof *htab);
	for (i = 0; i < nunit; i++) {
		struct unit *u = units[i];
		size_t s = hash_of(u->level, u->parent, str_c(u->key)) &
		    (hcap - 1);

		u->hnext = htab[s];
		htab[s] = u;
	}
}

static struct unit *
find(int level, struct unit *parent, struct str key)
{
	struct unit *u;

	if (hcap == 0)
		return NULL;
	for (u = htab[hash_of(level, parent, key) & (hcap - 1)]; u != NULL;
	     u = u->hnext)
		if (u->level == level && u->parent == parent &&
		    strlen(u->key) == key.n && memcmp(u->key, key.p, key.n) == 0)
			return u;
	return NULL;
}

static struct unit *
make(int level, struct unit *parent, struct str key, struct str name,
    const struct row *row)
{
	struct unit *u = xcalloc(1, sizeof *u);
	size_t s;

	if (nunit * 2 >= hcap)
		rehash();
	u->level = level;
	u->parent = parent;
	u->key = xstrndup(key.p, key.n);
	u->name = xstrndup(name.p, name.n);
	u->file = row->file;
	u->line = row->line;
	if (nunit == capunit) {
		capunit = capunit ? capunit * 2 : 1024;
		units = xreallocarray(units, capunit, sizeof *units);
	}
	units[nunit++] = u;
	s = hash_of(level, parent, key) & (hcap - 1);
	u->hnext = htab[s];
	htab[s] = u;
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

static const char *const attr_names[A_N] = { "leader", "leader_phone",
	"party_org", "offline_leader", "offline_leader_phone", "online_leader",
	"online_leader_phone", "owners_committee", "property_company",
	"has_staff", "has_rules", "has_funding", "has_incentives", "id_number" };

/* Set an attribute from a row; a second, different value is a problem. */
static void
set(struct unit *u, int a, struct str v, const struct row *row)
{
	if (v.n == 0)
		return;
	if (u->attr[a] == NULL) {
		u->attr[a] = xstrndup(v.p, v.n);
		return;
	}
	if (strlen(u->attr[a]) != v.n || memcmp(u->attr[a], v.p, v.n) != 0) {
		struct buf b = { 0 };

		buf_printf(&b, "%s: '%s' / '%.*s'", attr_names[a], u->attr[a],
		    (int)v.n, v.p);
		problem(row->file, row->line, u, _("two values"), b.p);
		buf_free(&b);
	}
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
	snprintf(buf, 32, "%02d", atoi(id.p + i) % 1000);
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

static struct str
s_of(const char *s)
{
	return str_c(s ? s : "");
}

void
units_row(const struct rec *r, const struct row *row)
{
	const struct division *dc = NULL, *ds = NULL;
	struct unit *street = NULL, *comm = NULL, *grid = NULL, *comp = NULL;
	struct unit *bld = NULL;
	struct str v;
	char kbuf[32], bbuf[32];
	int i;

	(void)r;
	/* the street: as written, or the community's in the division table */
	if (row->v[G_COMMUNITY].n > 0)
		dc = division_of(row->v[G_COMMUNITY]);
	v = division_name(row->v[G_STREET]);
	if (v.n == 0 && dc != NULL && strlen(dc->code) > 9) {
		size_t k;

		for (k = 0; k < ndivs; k++)
			if (strlen(divs[k].code) == 9 &&
			    memcmp(divs[k].code, dc->code, 9) == 0)
				ds = &divs[k];
		if (ds != NULL)
			v = str_c(ds->name);
	}
	if (v.n > 0) {
		street = find(L_STREET, NULL, v);
		if (street == NULL)
			street = make(L_STREET, NULL, v, v, row);
	}
	v = division_name(row->v[G_COMMUNITY]);
	if (v.n == 0) {
		if (row->v[G_GRID_ID].n > 0 || row->v[G_BUILDING].n > 0)
			rec_reject(r, _("field 'community': empty, and no "
					"row above gives it"));
		return;
	}
	comm = find(L_COMMUNITY, street, v);
	if (comm == NULL)
		comm = make(L_COMMUNITY, street, v, v, row);
	if (row->v[G_GRID_ID].n > 0) {
		struct str k = grid_key(row->v[G_GRID_ID], kbuf);

		grid = find(L_GRID, comm, k);
		if (grid == NULL) {
			char name[64];

			snprintf(name, sizeof name, "网格%.*s", (int)k.n, k.p);
			grid = make(L_GRID, comm, k,
			    row->v[G_GRID_NAME].n > 0 ? row->v[G_GRID_NAME] :
							str_c(name),
			    row);
		}
		set(grid, A_LEADER, row->v[G_GRID_LEADER], row);
		set(grid, A_LEADER_PHONE, row->v[G_GRID_LEADER_PHONE], row);
		set(grid, A_PARTY_ORG, row->v[G_GRID_PARTY_ORG], row);
		set(grid, A_STAFF, row->v[G_HAS_STAFF], row);
		set(grid, A_RULES, row->v[G_HAS_RULES], row);
		set(grid, A_FUNDING, row->v[G_HAS_FUNDING], row);
		set(grid, A_INCENTIVES, row->v[G_HAS_INCENTIVES], row);
	}
	if (row->v[G_COMPOUND].n > 0) {
		comp = find(L_COMPOUND, comm, row->v[G_COMPOUND]);
		if (comp == NULL)
			comp = make(L_COMPOUND, comm, row->v[G_COMPOUND],
			    row->v[G_COMPOUND], row);
		v = row->v[G_OWNERS_COMMITTEE];
		if (!(v.n == strlen("无") && memcmp(v.p, "无", v.n) == 0))
			set(comp, A_OWNERS, v, row);
		set(comp, A_PROPERTY, row->v[G_PROPERTY_COMPANY], row);
	}
	if (row->v[G_BUILDING].n > 0) {
		struct buf k = { 0 };
		struct str bk = building_key(row->v[G_BUILDING], bbuf);

		if (grid == NULL) {
			rec_reject(r, _("field 'grid_id': empty, and no row "
					"above gives it"));
			return;
		}
		buf_add(&k, comp ? comp->key : "", comp ? strlen(comp->key) : 0);
		buf_addc(&k, '\t');
		buf_add(&k, bk.p, bk.n);
		bld = find(L_BUILDING, grid, (struct str){ k.p, k.n });
		if (bld != NULL) {
			problem(row->file, row->line, bld,
			    _("the same building twice"),
			    bld->file != NULL ? bld->name : "");
			buf_free(&k);
			return;
		}
		bld = make(L_BUILDING, grid, (struct str){ k.p, k.n },
		    row->v[G_BUILDING], row);
		buf_free(&k);
		bld->compound = comp;
		set(bld, A_PARTY_ORG, row->v[G_BUILDING_PARTY_GROUP], row);
		set(bld, A_OFFLINE, row->v[G_OFFLINE_LEADER], row);
		set(bld, A_OFFLINE_PHONE, row->v[G_OFFLINE_LEADER_PHONE], row);
		set(bld, A_ONLINE, row->v[G_ONLINE_LEADER], row);
		set(bld, A_ONLINE_PHONE, row->v[G_ONLINE_LEADER_PHONE], row);
		set(bld, A_ID, row->v[G_ID_NUMBER], row);
		for (i = G_HOUSEHOLDS; i <= G_RESIDENTS; i++) {
			struct str n = row->v[i];
			long long x = 0;
			size_t j;

			if (n.n == 0)
				continue;
			for (j = 0; j < n.n && n.p[j] >= '0' && n.p[j] <= '9' &&
			     x < 1000000000; j++)
				x = x * 10 + (n.p[j] - '0');
			if (j < n.n) {
				char *bad = xstrndup(n.p, n.n);

				problem(row->file, row->line, bld,
				    i == G_HOUSEHOLDS ? _("households: not a "
							  "count") :
							_("residents: not a "
							  "count"),
				    bad);
				free(bad);
				continue;
			}
			if (i == G_HOUSEHOLDS)
				bld->households = x;
			else
				bld->residents = x;
			bld->has_counts = 1;
		}
		if (row->v[G_PARTY_HOUSEHOLD].n > 0 &&
		    find(L_HOUSEHOLD, bld, row->v[G_PARTY_HOUSEHOLD]) == NULL)
			make(L_HOUSEHOLD, bld, row->v[G_PARTY_HOUSEHOLD],
			    row->v[G_PARTY_HOUSEHOLD], row);
	}
}

/* ---- the end: codes, counts, checks ---- */

static int
cmp_key(const void *a, const void *b)
{
	const struct unit *x = *(struct unit *const *)a;
	const struct unit *y = *(struct unit *const *)b;

	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
cmp_code(const void *a, const void *b)
{
	return strcmp((*(struct unit *const *)a)->code,
	    (*(struct unit *const *)b)->code);
}

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

static char *
path_of(const struct unit *u)
{
	struct buf b = { 0 };
	const struct unit *chain[8];
	int n = 0, i;

	for (; u != NULL && n < 8; u = u->parent)
		chain[n++] = u;
	for (i = n - 1; i >= 0; i--) {
		if (i < n - 1)
			buf_addc(&b, '/');
		if (chain[i]->level == L_GRID)
			buf_printf(&b, "网格%s", chain[i]->key);
		else
			buf_adds(&b, chain[i]->name);
	}
	return b.p ? b.p : xstrdup("");
}

/* Count the posts a person holds; too many is a problem. */
struct post {
	char *who; /* id, or name and phone */
	struct unit *first;
	long n;
	char *name;
};

static int
cmp_post(const void *a, const void *b)
{
	return strcmp(((const struct post *)a)->who,
	    ((const struct post *)b)->who);
}

static void
check_posts(void)
{
	struct post *p = NULL;
	size_t np = 0, cap = 0, i, j;

	for (i = 0; i < nunit; i++) {
		struct unit *u = units[i];
		int roles[3][3] = { { A_LEADER, A_LEADER_PHONE, -1 },
			{ A_OFFLINE, A_OFFLINE_PHONE, A_ID },
			{ A_ONLINE, A_ONLINE_PHONE, -1 } };
		int k;

		for (k = 0; k < 3; k++) {
			const char *name = u->attr[roles[k][0]];
			const char *ph = u->attr[roles[k][1]];
			const char *id = roles[k][2] >= 0 ? u->attr[roles[k][2]] :
							    NULL;
			struct buf w = { 0 };

			if (name == NULL || (u->level != L_GRID && k == 0) ||
			    (u->level != L_BUILDING && k > 0))
				continue;
			if (id != NULL)
				buf_printf(&w, "id:%s", id);
			else
				buf_printf(&w, "%s|%s", name, ph ? ph : "");
			if (np == cap) {
				cap = cap ? cap * 2 : 256;
				p = xreallocarray(p, cap, sizeof *p);
			}
			p[np].who = w.p;
			p[np].first = u;
			p[np].n = 1;
			p[np].name = (char *)name;
			np++;
		}
	}
	if (np > 0)
		qsort(p, np, sizeof *p, cmp_post);
	for (i = 0; i < np; i = j) {
		for (j = i + 1; j < np && strcmp(p[i].who, p[j].who) == 0; j++)
			;
		if ((long)(j - i) > max_posts) {
			char v[256];

			snprintf(v, sizeof v, "%s (%zu)", p[i].name, j - i);
			problem(p[i].first->file, p[i].first->line, p[i].first,
			    _("one person holds more posts than max-posts"),
			    v);
		}
	}
	for (i = 0; i < np; i++)
		free(p[i].who);
	free(p);
}

void
units_finish(void)
{
	size_t i, j;

	if (nunit == 0)
		return;
	/* codes, level by level, so that a parent's code is known */
	qsort(units, nunit, sizeof *units, cmp_key);
	for (int level = 0; level < L_N; level++) {
		size_t seq = 0;
		struct unit *last = NULL;

		for (i = 0; i < nunit; i++) {
			struct unit *u = units[i];
			struct buf c = { 0 };
			const struct division *d;

			if (u->level != level)
				continue;
			if (u->parent != last) {
				last = u->parent;
				seq = 0;
			}
			seq++;
			switch (level) {
			case L_STREET:
			case L_COMMUNITY:
				d = division_of(str_c(u->name));
				if (d != NULL && (level == L_STREET ||
						     u->parent == NULL ||
						     strncmp(d->code,
							 u->parent->code,
							 strlen(u->parent->code)) == 0))
					buf_adds(&c, d->code);
				else
					buf_printf(&c, "%s%s%s",
					    u->parent ? u->parent->code : "",
					    u->parent ? "-" : "", u->name);
				if (d == NULL)
					problem(u->file, u->line, u,
					    level == L_STREET ?
						_("a street not in the "
						  "division table") :
						_("a community not in the "
						  "division table"),
					    u->name);
				else if (level == L_COMMUNITY &&
				    u->parent != NULL &&
				    strncmp(d->code, u->parent->code,
					strlen(u->parent->code)) != 0)
					problem(u->file, u->line, u,
					    _("a community under another "
					      "street"),
					    u->parent->name);
				break;
			case L_GRID:
				buf_printf(&c, "%s-%s", u->parent->code, u->key);
				break;
			case L_COMPOUND:
				buf_printf(&c, "%s-X%02zu", u->parent->code, seq);
				break;
			case L_BUILDING: {
				const char *tab = strchr(u->key, '\t');
				const char *cc = u->compound ?
				    strrchr(u->compound->code, 'X') : NULL;

				buf_printf(&c, "%s-%s-%s", u->parent->code,
				    cc ? cc + 1 : "00", tab ? tab + 1 : u->key);
				break;
			}
			case L_HOUSEHOLD:
				buf_printf(&c, "%s-%02zu", u->parent->code, seq);
				break;
			}
			u->code = c.p;
		}
	}
	qsort(units, nunit, sizeof *units, cmp_code);
	/* counts from below: the deepest first */
	for (i = nunit; i-- > 0;) {
		struct unit *u = units[i];

		if (u->parent != NULL && u->level != L_HOUSEHOLD &&
		    u->level != L_COMPOUND) {
			u->parent->households += u->households;
			u->parent->residents += u->residents;
			u->parent->has_counts |= u->has_counts;
		}
	}
	/* duplicate codes: a unit code made twice */
	for (i = 1; i < nunit; i++)
		if (strcmp(units[i]->code, units[i - 1]->code) == 0)
			problem(units[i]->file, units[i]->line, units[i],
			    _("the same code as another unit"), units[i]->code);
	/* leaders, phones, identity numbers */
	for (i = 0; i < nunit; i++) {
		struct unit *u = units[i];
		static const int phones[] = { A_LEADER_PHONE, A_OFFLINE_PHONE,
			A_ONLINE_PHONE };
		const char *why;

		if (u->level == L_GRID) {
			if (u->attr[A_LEADER] == NULL)
				problem(u->file, u->line, u,
				    _("a grid without a leader"), u->name);
			if (u->attr[A_PARTY_ORG] == NULL)
				problem(u->file, u->line, u,
				    _("a grid without a party organisation"),
				    u->name);
		}
		if (u->level == L_BUILDING) {
			if (u->attr[A_OFFLINE] == NULL)
				problem(u->file, u->line, u,
				    _("a building without an offline leader"),
				    u->name);
			if (u->attr[A_ONLINE] == NULL)
				problem(u->file, u->line, u,
				    _("a building without an online leader"),
				    u->name);
		}
		for (j = 0; j < 3; j++)
			if (u->attr[phones[j]] != NULL &&
			    (why = check_phone(str_c(u->attr[phones[j]]))) != NULL)
				problem_kind(u->file, u->line, u, why,
				    u->attr[phones[j]], 1);
		if (u->attr[A_ID] != NULL &&
		    (why = check_id(str_c(u->attr[A_ID]))) != NULL)
			problem_kind(u->file, u->line, u, why, u->attr[A_ID], 2);
	}
	check_posts();
}

unsigned long long
units_problems(void)
{
	return nprob;
}

/* ---- writing ---- */

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
	char hh[24], rr[24], m1[64], m2[64], m3[64], m4[64];
	struct wr *w;
	size_t i, k;

	for (k = 0; k < NC; k++) {
		names[k] = str_c(cli.zh ? fld_zh(cols[k]) : cols[k]);
		types[k] = k == 13 || k == 14 ? COL_NUM : COL_STR;
	}
	w = wr_open(fmt, NC, names, types, flags);
	for (i = 0; i < nunit; i++) {
		struct unit *u = units[i];
		char *path;

		if (gopt.level >= 0 && u->level != gopt.level)
			continue;
		path = path_of(u);
		hh[0] = rr[0] = '\0';
		if (u->has_counts) {
			snprintf(hh, sizeof hh, "%lld", u->households);
			snprintf(rr, sizeof rr, "%lld", u->residents);
		}
		f[0] = str_c(level_names[u->level]);
		f[1] = str_c(u->code);
		f[2] = str_c(u->name);
		f[3] = s_of(u->parent ? u->parent->code : NULL);
		f[4] = str_c(path);
		f[5] = s_of(u->attr[A_LEADER]);
		f[6] = str_c(shown(u->attr[A_LEADER_PHONE], 1, m1, sizeof m1));
		f[7] = s_of(u->attr[A_PARTY_ORG]);
		f[8] = s_of(u->attr[A_OFFLINE]);
		f[9] = str_c(shown(u->attr[A_OFFLINE_PHONE], 1, m2, sizeof m2));
		f[10] = s_of(u->attr[A_ONLINE]);
		f[11] = str_c(shown(u->attr[A_ONLINE_PHONE], 1, m3, sizeof m3));
		f[12] = s_of(u->compound ? u->compound->name : NULL);
		f[13] = str_c(hh);
		f[14] = str_c(rr);
		f[15] = s_of(u->attr[A_OWNERS]);
		f[16] = s_of(u->attr[A_PROPERTY]);
		for (k = 0; k < 4; k++)
			f[17 + k] = str_c(u->level != L_GRID ? "" :
					  is_yes(u->attr[A_STAFF + k]) ? "1" :
									 "0");
		f[21] = str_c(shown(u->attr[A_ID], 2, m4, sizeof m4));
		wr_rec(w, f);
		free(path);
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
		if (u->attr[A_PARTY_ORG] != NULL)
			s[S_BRANCHES]++;
		if (is_yes(u->attr[A_STAFF]) && is_yes(u->attr[A_RULES]) &&
		    is_yes(u->attr[A_FUNDING]) && is_yes(u->attr[A_INCENTIVES]))
			s[S_FOUR]++;
		break;
	case L_COMPOUND:
		s[S_COMPOUNDS]++;
		if (u->attr[A_OWNERS] != NULL)
			s[S_OWNERS]++;
		break;
	case L_BUILDING:
		s[S_BUILDINGS]++;
		if (u->attr[A_PARTY_ORG] != NULL)
			s[S_GROUPS]++;
		if (u->attr[A_OFFLINE] != NULL)
			s[S_OFFLINE]++;
		if (u->attr[A_ONLINE] != NULL)
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
	struct wr *w;
	size_t i, k;

	for (k = 0; k < NC; k++) {
		names[k] = str_c(cli.zh ? fld_zh(cols[k]) : cols[k]);
		types[k] = k < 2 ? COL_STR : COL_NUM;
	}
	w = wr_open(fmt, NC, names, types, flags);
	memset(total, 0, sizeof total);
	for (i = 0; i < nunit; i++) {
		struct unit *c = units[i];
		size_t j;

		if (c->level != L_COMMUNITY)
			continue;
		memset(s, 0, sizeof s);
		/* the units below sort after it, by code */
		for (j = i + 1; j < nunit; j++) {
			const struct unit *u = units[j], *a = u;

			while (a != NULL && a != c)
				a = a->parent;
			if (a == NULL)
				break;
			summary_add(s, u);
		}
		for (k = 0; k < S_N; k++)
			total[k] += s[k];
		summary_row(w, c->parent ? c->parent->name : "", c->name, s);
	}
	if (gopt.total)
		summary_row(w, cli.zh ? "合计" : "total", "", total);
	wr_close(w);
}

static int
cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
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
	unsigned char types[6] = { COL_STR, COL_NUM, COL_STR, COL_STR, COL_STR,
		COL_STR };
	struct wr *w;
	size_t i, k;

	for (k = 0; k < 6; k++)
		names[k] = str_c(cli.zh ? fld_zh(cols[k]) : cols[k]);
	w = wr_open(fmt, 6, names, types, flags);
	/* in the order of the sheets (a stable sort: the order found) */
	for (i = 0; i < nprob; i++)
		probs[i].order = i;
	if (nprob > 0)
		qsort(probs, nprob, sizeof *probs, cmp_problem);
	for (i = 0; i < nprob; i++) {
		struct problem *p = &probs[i];
		char line[24], m[128];
		const char *v = p->value;

		/* phones and identity numbers are masked in problems too */
		if (gopt.mask && p->kind != 0)
			v = mask(str_c(v), p->kind == 2, m, sizeof m);
		snprintf(line, sizeof line, "%ld", p->line);
		f[0] = str_c(p->file);
		f[1] = str_c(line);
		f[2] = str_c(level_names[p->u->level]);
		f[3] = str_c(p->u->code ? p->u->code : "");
		f[4] = str_c(p->what);
		f[5] = str_c(v);
		wr_rec(w, f);
	}
	wr_close(w);
}
