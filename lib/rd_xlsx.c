/*
 * rd's .xlsx reader: the zip archive through libzip, its XML through
 * expat, SAX-style.  The workbook (its sheets, their order, the 1904
 * system), the relationships (which part is which sheet), the shared
 * strings (held) and the styles (which cells are dates) are read first;
 * then the sheet is read in chunks from its zip entry, the parser stopped
 * at a row's end whenever enough lines are made: a sheet of any size in
 * bounded memory.  Limits: an entry may inflate to 200 times the file (at
 * least 100 MiB), no more (a zip bomb).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "lib/rd_int.h"

#define CHUNK	  (64u << 10)
#define ENOUGH	  (256u << 10) /* lines made: the parser stops at a row end */
#define MAX_ROW	  1048576L
#define MAX_COL	  16384L
#define MIN_LIMIT (100ull << 20)
#define RATIO	  200

/* One part (an XML entry of the archive) being parsed. */
struct xin {
	const char *part;
	zip_file_t *zf;
	const char *mem; /* or its bytes (the fuzz target) */
	size_t memlen, memoff;
	XML_Parser p;
	unsigned long long got;
	int final, suspended;
};

struct rel {
	char *id, *target, *type;
};

struct sheet {
	char *name, *rid;
};

struct xlsx {
	struct book *b;
	zip_t *z;
	char *mem; /* the file, read from a pipe */
	unsigned long long limit;
	struct xin in;
	char *part; /* the sheet's */
	/* relationships, sheets */
	struct rel *rels;
	size_t nrels, caprels;
	struct sheet *sheets;
	size_t nsheets, capsheets;
	/* shared strings: string i is sst[soff[i], soff[i + 1]) */
	struct buf sst;
	size_t *soff, nsst, capsst;
	/* styles: cell format i's date kind (DATE_*), or 0 */
	unsigned char *xf;
	size_t nxf, capxf;
	long *xfid; /* while reading: each cell format's numFmtId */
	struct {
		long id;
		int kind;
	} * fmts;
	size_t nfmts, capfmts;
	int in_xfs;
	/* the element being read */
	int in_t, in_rph, in_v, in_c, in_data;
	int ctype;
	long ccol, nextrow;
	int cstyle;
	struct buf val; /* a cell's value, a string's text */
	int full;	/* val is over REC_MAX_FIELD: the rest dropped */
};

/* ---- XML ---- */

/* An element's or attribute's name without its namespace prefix. */
static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

static const char *
attr(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

static void
text(void *arg, const char *s, int n)
{
	struct xlsx *x = arg;

	if (!x->in_v && !(x->in_t && !x->in_rph))
		return;
	if (x->val.n + (size_t)n > REC_MAX_FIELD + 1) {
		x->full = 1;
		return;
	}
	buf_add(&x->val, s, (size_t)n);
}

static int
hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' :
	    c >= 'a' && c <= 'f'    ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F'    ? c - 'A' + 10 :
				      -1;
}

/* OOXML's escapes in text: _x000D_ is a CR, _x005F_ an underscore. */
static void
unescape_x(struct buf *v)
{
	size_t i, o = 0;

	if (v->n < 7 || memmem(v->p, v->n, "_x", 2) == NULL)
		return;
	for (i = 0; i < v->n; i++) {
		unsigned c = 0;
		size_t k;
		int h = 0;

		if (v->p[i] == '_' && i + 6 < v->n && v->p[i + 1] == 'x' &&
		    v->p[i + 6] == '_') {
			for (k = i + 2; k < i + 6 && h >= 0; k++)
				if ((h = hexval((unsigned char)v->p[k])) >= 0)
					c = c << 4 | (unsigned)h;
			if (h >= 0 && c > 0 && c < 0x80) {
				v->p[o++] = (char)c;
				i += 6;
				continue;
			}
		}
		v->p[o++] = v->p[i];
	}
	v->n = o;
	v->p[o] = '\0';
}

static _Noreturn void
corrupt(struct xlsx *x, const char *why)
{
	zl_die_at(ZL_IOERR, x->b->fname, 0,
	    _("%s: %s: the workbook is corrupt"), x->in.part, why);
}

/* Bytes of the part into buf: how many, 0 at its end. */
static size_t
xin_read(struct xlsx *x, char *buf, size_t n)
{
	struct xin *in = &x->in;
	zip_int64_t k;

	if (in->zf == NULL) {
		k = (zip_int64_t)(in->memlen - in->memoff);
		if (k > (zip_int64_t)n)
			k = (zip_int64_t)n;
		memcpy(buf, in->mem + in->memoff, (size_t)k);
		in->memoff += (size_t)k;
		return (size_t)k;
	}
	if ((k = zip_fread(in->zf, buf, n)) < 0)
		corrupt(x, zip_file_strerror(in->zf));
	in->got += (unsigned long long)k;
	x->b->part = in->got;
	if (in->got > x->limit)
		zl_die_at(ZL_IOERR, x->b->fname, 0,
		    _("%s: inflates to more than %llu MiB, the most read of "
		      "one part (%d times the file's size, 100 MiB at least): "
		      "a zip bomb? not read"),
		    in->part, x->limit >> 20, RATIO);
	return (size_t)k;
}

/* Parse a chunk more of the part: 0 at its end. */
static int
xin_step(struct xlsx *x)
{
	struct xin *in = &x->in;
	enum XML_Status st;

	if (in->suspended)
		st = XML_ResumeParser(in->p);
	else {
		void *buf = XML_GetBuffer(in->p, CHUNK);
		size_t n;

		if (buf == NULL)
			zl_die(ZL_IOERR, "%s", strerror(ENOMEM));
		n = xin_read(x, buf, CHUNK);
		in->final = n == 0;
		st = XML_ParseBuffer(in->p, (int)n, in->final);
	}
	in->suspended = st == XML_STATUS_SUSPENDED;
	if (st == XML_STATUS_ERROR) {
		char m[256];

		snprintf(m, sizeof m, "%lu:%lu: %s",
		    (unsigned long)XML_GetCurrentLineNumber(in->p),
		    (unsigned long)XML_GetCurrentColumnNumber(in->p) + 1,
		    XML_ErrorString(XML_GetErrorCode(in->p)));
		corrupt(x, m);
	}
	return in->suspended || !in->final;
}

static void
xin_end(struct xlsx *x)
{
	if (x->in.p != NULL)
		XML_ParserFree(x->in.p);
	if (x->in.zf != NULL)
		zip_fclose(x->in.zf);
	memset(&x->in, 0, sizeof x->in);
}

/* Begin parsing part (its bytes mem, or the archive's entry). */
static void
xin_begin(struct xlsx *x, const char *part, const char *mem, size_t n,
    XML_StartElementHandler start, XML_EndElementHandler end)
{
	struct xin *in = &x->in;

	xin_end(x);
	in->part = part;
	in->mem = mem;
	in->memlen = n;
	if (mem == NULL) {
		zip_int64_t i = zip_name_locate(x->z, part, ZIP_FL_NOCASE);
		zip_stat_t st;

		if (i < 0)
			corrupt(x, _("no such part"));
		if (zip_stat_index(x->z, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_SIZE))
			st.size = 0;
		x->b->whole = st.size; /* the progress: the sheet's is last */
		if (st.size > x->limit)
			zl_die_at(ZL_IOERR, x->b->fname, 0,
			    _("%s: claims %llu MiB, more than %llu MiB, the "
			      "most read of one part (%d times the file's "
			      "size, 100 MiB at least): a zip bomb? not read"),
			    part, (unsigned long long)st.size >> 20,
			    x->limit >> 20, RATIO);
		if ((in->zf = zip_fopen_index(x->z, (zip_uint64_t)i, 0)) ==
		    NULL)
			corrupt(x, zip_strerror(x->z));
	}
	if ((in->p = XML_ParserCreate("UTF-8")) == NULL)
		zl_die(ZL_IOERR, "%s", strerror(ENOMEM));
	XML_SetUserData(in->p, x);
	XML_SetElementHandler(in->p, start, end);
	XML_SetCharacterDataHandler(in->p, text);
}

static void
xin_all(struct xlsx *x, const char *part, const char *mem, size_t n,
    XML_StartElementHandler start, XML_EndElementHandler end)
{
	xin_begin(x, part, mem, n, start, end);
	while (xin_step(x))
		;
	xin_end(x);
}

/* ---- the workbook, its relationships ---- */

static void
rels_start(void *arg, const char *name, const char **atts)
{
	struct xlsx *x = arg;
	const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
	const char *type = attr(atts, "Type"), *mode = attr(atts, "TargetMode");
	struct rel *r;

	if (strcmp(local(name), "Relationship") != 0 || id == NULL ||
	    t == NULL || (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (x->nrels == x->caprels)
		x->rels = xgrow(x->rels, &x->caprels, 16, sizeof *x->rels);
	r = &x->rels[x->nrels++];
	r->id = xstrdup(id);
	r->target = xstrdup(t);
	r->type = xstrdup(type != NULL ? type : "");
}

static void
book_start(void *arg, const char *name, const char **atts)
{
	struct xlsx *x = arg;
	const char *n = local(name), *v;

	if (strcmp(n, "workbookPr") == 0 &&
	    (v = attr(atts, "date1904")) != NULL)
		x->b->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	if (strcmp(n, "sheet") == 0 && (v = attr(atts, "name")) != NULL) {
		const char *id = attr(atts, "id");

		if (x->nsheets == x->capsheets)
			x->sheets = xgrow(x->sheets, &x->capsheets, 8,
			    sizeof *x->sheets);
		x->sheets[x->nsheets].name = xstrdup(v);
		x->sheets[x->nsheets++].rid = xstrdup(id != NULL ? id : "");
	}
}

static void
no_end(void *arg, const char *name)
{
	(void)arg;
	(void)name;
}

static void
free_rels(struct xlsx *x)
{
	size_t i;

	for (i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].target);
		free(x->rels[i].type);
	}
	x->nrels = 0;
}

/* The relationship of the type whose name ends in type (or of id). */
static const struct rel *
rel_find(const struct xlsx *x, const char *type, const char *id)
{
	size_t i, n = type ? strlen(type) : 0;

	for (i = 0; i < x->nrels; i++) {
		const struct rel *r = &x->rels[i];
		size_t k = strlen(r->type);

		if (id != NULL ? strcmp(r->id, id) == 0 :
				 k >= n && strcmp(r->type + k - n, type) == 0)
			return r;
	}
	return NULL;
}

/* The part a relationship of from points to (a new string). */
static char *
resolve(const char *from, const char *target)
{
	struct buf b = { 0 };
	const char *slash = strrchr(from, '/');
	char *s, *o, *seg;

	if (target[0] == '/')
		target++;
	else if (slash != NULL)
		buf_add(&b, from, (size_t)(slash - from) + 1);
	buf_adds(&b, target);
	/* "a/../b" is "b", "./" nothing */
	s = o = b.p;
	while ((seg = strsep(&s, "/")) != NULL) {
		if (strcmp(seg, "..") == 0) {
			if (o > b.p)
				o--;
			while (o > b.p && o[-1] != '/')
				o--;
			continue;
		}
		if (strcmp(seg, ".") == 0 || *seg == '\0')
			continue;
		memmove(o, seg, strlen(seg));
		o += strlen(seg);
		if (s != NULL)
			*o++ = '/';
	}
	*o = '\0';
	return b.p;
}

/* The relationships of part (its _rels/NAME.rels), when it has them. */
static void
read_rels(struct xlsx *x, const char *part)
{
	const char *slash = strrchr(part, '/');
	struct buf p = { 0 };

	free_rels(x);
	if (slash != NULL)
		buf_add(&p, part, (size_t)(slash - part) + 1);
	buf_printf(&p, "_rels/%s.rels", slash != NULL ? slash + 1 : part);
	if (zip_name_locate(x->z, p.p, ZIP_FL_NOCASE) >= 0)
		xin_all(x, p.p, NULL, 0, rels_start, no_end);
	buf_free(&p);
}

/* ---- shared strings ---- */

static void
sst_start(void *arg, const char *name, const char **atts)
{
	struct xlsx *x = arg;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		buf_reset(&x->val);
		x->full = 0;
	} else if (strcmp(n, "t") == 0)
		x->in_t = 1;
	else if (strcmp(n, "rPh") == 0)
		x->in_rph = 1;
}

static void
sst_add(struct xlsx *x, const char *s, size_t n)
{
	if (x->nsst + 2 > x->capsst)
		x->soff = xgrow(x->soff, &x->capsst, 1024, sizeof *x->soff);
	if (x->nsst == 0)
		x->soff[0] = 0;
	buf_add(&x->sst, s, n);
	x->soff[++x->nsst] = x->sst.n;
}

static void
sst_end(void *arg, const char *name)
{
	struct xlsx *x = arg;
	const char *n = local(name);

	if (strcmp(n, "si") == 0) {
		unescape_x(&x->val);
		sst_add(x, x->val.p ? x->val.p : "", x->val.n);
	} else if (strcmp(n, "t") == 0)
		x->in_t = 0;
	else if (strcmp(n, "rPh") == 0)
		x->in_rph = 0;
}

/* ---- styles: which cell formats are dates ---- */

/*
 * The date kind of a number format's code: its tokens y, m, d (a date),
 * h, s (a time), m with neither h nor s a month, outside quotes, brackets
 * ([h] is a time past 24 hours) and escapes; AM/PM is no month.
 */
static int
code_kind(const char *s)
{
	int date = 0, time = 0, m = 0, elapsed = 0;

	for (; *s != '\0'; s++) {
		int c = *s | 0x20;

		if (*s == '"') {
			s = strchr(s + 1, '"');
			if (s == NULL)
				break;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (*++s == '\0')
				break;
		} else if (*s == '[') {
			if ((s[1] | 0x20) == 'h' || (s[1] | 0x20) == 's' ||
			    (s[1] | 0x20) == 'm')
				elapsed = time = 1;
			if ((s = strchr(s, ']')) == NULL)
				break;
		} else if (strncasecmp(s, "am/pm", 5) == 0)
			s += 4;
		else if (strncasecmp(s, "a/p", 3) == 0)
			s += 2;
		else if (c == 'y' || c == 'd')
			date = 1;
		else if (c == 'h' || c == 's')
			time = 1;
		else if (c == 'm')
			m = 1;
	}
	if (m && !time)
		date = 1;
	if (date)
		return time ? DATE_DT : DATE_D;
	return time ? DATE_T | (elapsed ? DATE_ELAPSED : 0) : 0;
}

/*
 * Built-in formats: dates 14-17, times 18-21, 45-47, 22 both; the East
 * Asian ones (Chinese Excel, WPS) dates 27-31, 36, 50-54, 57, 58, times
 * 32-35, 55, 56.
 */
/* A format "0", "0.0" ... "0.000000000": shown with that many decimals;
 * else 0 (General). */
static int
fixed_kind(const char *code)
{
	size_t n = strlen(code), i;

	if (n < 3 || n > 11 || code[0] != '0' || code[1] != '.')
		return 0;
	for (i = 2; i < n; i++)
		if (code[i] != '0')
			return 0;
	return NUM_DEC((int)(n - 2));
}

static int
builtin_kind(long id)
{
	if (id == 2 || id == 10) /* 0.00, 0.00% */
		return id == 2 ? NUM_DEC(2) : 0;
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 ||
	    (id >= 50 && id <= 54) || id == 57 || id == 58)
		return DATE_D;
	if (id == 22)
		return DATE_DT;
	if (id == 46)
		return DATE_T | DATE_ELAPSED;
	if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 45 ||
	    id == 47 || id == 55 || id == 56)
		return DATE_T;
	return 0;
}

static void
styles_start(void *arg, const char *name, const char **atts)
{
	struct xlsx *x = arg;
	const char *n = local(name), *id = attr(atts, "numFmtId");
	const char *code = attr(atts, "formatCode");

	if (strcmp(n, "cellXfs") == 0)
		x->in_xfs = 1;
	else if (strcmp(n, "numFmt") == 0 && id != NULL && code != NULL) {
		if (x->nfmts == x->capfmts)
			x->fmts = xgrow(x->fmts, &x->capfmts, 16,
			    sizeof *x->fmts);
		x->fmts[x->nfmts].id = strtol(id, NULL, 10);
		x->fmts[x->nfmts++].kind = code_kind(code) != 0 ?
		    code_kind(code) :
		    fixed_kind(code);
	} else if (strcmp(n, "xf") == 0 && x->in_xfs) {
		if (x->nxf == x->capxf) {
			size_t cap = x->capxf;

			x->xf = xgrow(x->xf, &x->capxf, 64, sizeof *x->xf);
			x->xfid = xgrow(x->xfid, &cap, 64, sizeof *x->xfid);
		}
		x->xfid[x->nxf++] = id != NULL ? strtol(id, NULL, 10) : 0;
	}
}

static void
styles_end(void *arg, const char *name)
{
	struct xlsx *x = arg;

	if (strcmp(local(name), "cellXfs") == 0)
		x->in_xfs = 0;
}

/* Each cell format's date kind, from its numFmtId. */
static void
xf_kinds(struct xlsx *x)
{
	size_t i, j;

	for (i = 0; i < x->nxf; i++) {
		x->xf[i] = (unsigned char)builtin_kind(x->xfid[i]);
		for (j = 0; j < x->nfmts; j++)
			if (x->fmts[j].id == x->xfid[i])
				x->xf[i] = (unsigned char)x->fmts[j].kind;
	}
}

/* ---- the sheet ---- */

/* A cell reference's column (from 0; "C5": 2), or -1 without one. */
static long
ref_col(struct xlsx *x, const char *ref)
{
	long col = 0;

	if (ref == NULL)
		return -1;
	for (; (*ref | 0x20) >= 'a' && (*ref | 0x20) <= 'z'; ref++)
		if ((col = col * 26 + (*ref | 0x20) - 'a' + 1) > MAX_COL)
			corrupt(x, _("a cell past column XFD"));
	return col - 1;
}

static void
cell_start(struct xlsx *x, const char **atts)
{
	const char *t = NULL, *s = NULL, *r = NULL;

	for (; atts[0] != NULL; atts += 2) {
		const char *a = local(atts[0]);

		if (a[0] == '\0' || a[1] != '\0')
			continue;
		if (a[0] == 't')
			t = atts[1];
		else if (a[0] == 's')
			s = atts[1];
		else if (a[0] == 'r')
			r = atts[1];
	}
	x->in_c = 1;
	x->ccol = ref_col(x, r);
	x->ctype = t == NULL		? 'n' :
	    strcmp(t, "inlineStr") == 0 ? 'i' :
	    strcmp(t, "str") == 0	? 'S' :
					  t[0];
	x->cstyle = s != NULL ? atoi(s) : 0;
	buf_reset(&x->val);
	x->full = 0;
}

/* The elements of a sheet that matter: each a million times over. */
enum { E_OTHER, E_DATA, E_ROW, E_C, E_V, E_T, E_RPH };

static int
sheet_elem(const char *name)
{
	const char *n = local(name);

	switch (n[0]) {
	case 'c':
		return n[1] == '\0' ? E_C : E_OTHER;
	case 'v':
		return n[1] == '\0' ? E_V : E_OTHER;
	case 't':
		return n[1] == '\0' ? E_T : E_OTHER;
	case 'r':
		return strcmp(n, "row") == 0 ? E_ROW :
		    strcmp(n, "rPh") == 0    ? E_RPH :
					       E_OTHER;
	case 's':
		return strcmp(n, "sheetData") == 0 ? E_DATA : E_OTHER;
	}
	return E_OTHER;
}

static void
sheet_start(void *arg, const char *name, const char **atts)
{
	struct xlsx *x = arg;
	int e = sheet_elem(name);
	const char *r;

	if (e == E_DATA)
		x->in_data = 1;
	else if (!x->in_data)
		return;
	else if (e == E_ROW) {
		long row = x->nextrow;

		if ((r = attr(atts, "r")) != NULL)
			row = strtol(r, NULL, 10);
		if (row < 1 || row > MAX_ROW)
			corrupt(x, _("a row number past 1048576"));
		book_row(x->b, row);
		x->nextrow = row + 1;
	} else if (e == E_C)
		cell_start(x, atts);
	else if (e == E_V)
		x->in_v = x->in_c;
	else if (e == E_T)
		x->in_t = x->in_c;
	else if (e == E_RPH)
		x->in_rph = 1;
}

/* The cell just read: its value into the row. */
static void
cell_end(struct xlsx *x)
{
	struct book *b = x->b;
	const char *v = x->val.p ? x->val.p : "";
	size_t n = x->val.n;
	unsigned long k;
	char *end;

	x->in_c = 0;
	switch (x->ctype) {
	case 's':
		k = strtoul(v, &end, 10);
		if (end == v || k >= x->nsst)
			corrupt(x, _("a cell's shared string is not there"));
		book_cell(b, x->ccol, x->sst.p + x->soff[k],
		    x->soff[k + 1] - x->soff[k]);
		return;
	case 'b':
		if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0) {
			book_cell(b, x->ccol, v[0] == '1' ? "TRUE" : "FALSE",
			    v[0] == '1' ? 4 : 5);
			return;
		}
		break;
	case 'n':
		book_number(b, x->ccol, v, n,
		    x->cstyle >= 0 && (size_t)x->cstyle < x->nxf ?
			x->xf[x->cstyle] :
			0);
		return;
	case 'd': /* ISO 8601: 2024-03-05T14:22:10 */
		if (n > 10 && x->val.p[10] == 'T')
			x->val.p[10] = ' ';
		if (n > 19 && (v[19] == '.' || v[19] == 'Z'))
			n = 19;
		break;
	case 'i':
		unescape_x(&x->val);
		n = x->val.n;
		break;
	}
	book_cell(b, x->ccol, v, n);
}

static void
sheet_end(void *arg, const char *name)
{
	struct xlsx *x = arg;

	if (!x->in_data)
		return;
	switch (sheet_elem(name)) {
	case E_V:
		x->in_v = 0;
		break;
	case E_T:
		x->in_t = 0;
		break;
	case E_RPH:
		x->in_rph = 0;
		break;
	case E_C:
		cell_end(x);
		break;
	case E_ROW:
		book_row_end(x->b);
		if (x->b->tsv.n >= ENOUGH)
			XML_StopParser(x->in.p, XML_TRUE);
		break;
	case E_DATA:
		x->in_data = 0;
		break;
	}
}

static int
xlsx_more(struct book *b)
{
	struct xlsx *x = b->st;

	/* to the row end where sheet_end stopped the parser: a chunk may
	 * end inside a row, and the row is not to be given in two parts */
	while (x->in.p != NULL)
		if (!xin_step(x))
			xin_end(x);
		else if (x->in.suspended)
			break;
	return x->in.p != NULL || b->tsv.n > 0;
}

static void
xlsx_close(struct book *b)
{
	struct xlsx *x = b->st;
	size_t i;

	if (x == NULL)
		return;
	xin_end(x);
	free_rels(x);
	free(x->rels);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->sheets);
	buf_free(&x->sst);
	free(x->soff);
	free(x->xf);
	free(x->xfid);
	free(x->fmts);
	buf_free(&x->val);
	free(x->part);
	if (x->z != NULL)
		zip_discard(x->z);
	free(x->mem);
	free(x);
	b->st = NULL;
}

static void
xlsx_init(struct book *b, struct xlsx *x)
{
	b->st = x;
	b->more = xlsx_more;
	b->close = xlsx_close;
	x->b = b;
	x->nextrow = 1;
}

/* The fuzz target's way in: the shared strings, styles and sheet parts. */
void
rd_xlsx_mem(struct book *b, const char *sst, size_t nsst, const char *styles,
    size_t nstyles, const char *sheet, size_t nsheet)
{
	struct xlsx *x = xcalloc(1, sizeof *x);

	xlsx_init(b, x);
	x->limit = ~0ull;
	if (nsst > 0)
		xin_all(x, "sst", sst, nsst, sst_start, sst_end);
	if (nstyles > 0) {
		xin_all(x, "styles", styles, nstyles, styles_start, styles_end);
		xf_kinds(x);
	}
	xin_begin(x, "sheet", sheet, nsheet, sheet_start, sheet_end);
}

/* ---- opening ---- */

/* The whole of a file that is not a regular file (a pipe), after the
 * sample r read. */
static void
slurp(struct rd *r, struct xlsx *x, size_t *n)
{
	size_t cap = r->end + CHUNK;
	ssize_t k;

	x->mem = xmalloc(cap);
	memcpy(x->mem, r->buf, r->end);
	*n = r->end;
	for (;;) {
		if (*n == cap) {
			if (cap >= (1ull << 30))
				zl_die_at(ZL_IOERR, r->fname, 0,
				    _("a workbook of more than 1 GiB in a "
				      "pipe: give it as a file"));
			x->mem = xrealloc(x->mem, cap *= 2);
		}
		if ((k = read(r->fd, x->mem + *n, cap - *n)) < 0) {
			if (errno == EINTR)
				continue;
			zl_die_at(ZL_IOERR, r->fname, 0, "%s", strerror(errno));
		}
		if (k == 0)
			return;
		*n += (size_t)k;
	}
}

static void
open_zip(struct rd *r, struct xlsx *x)
{
	zip_error_t ze;
	struct stat st;
	size_t n = 0;
	int err = 0, fd;

	if (r->seekable && fstat(r->fd, &st) == 0 && (fd = dup(r->fd)) >= 0) {
		n = (size_t)st.st_size;
		lseek(fd, 0, SEEK_SET);
		if ((x->z = zip_fdopen(fd, 0, &err)) == NULL)
			close(fd);
		zip_error_init_with_code(&ze, err);
	} else {
		zip_source_t *src;

		slurp(r, x, &n);
		zip_error_init(&ze);
		if ((src = zip_source_buffer_create(x->mem, n, 0, &ze)) !=
			NULL &&
		    (x->z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL)
			zip_source_free(src);
	}
	if (x->z == NULL)
		zl_die_at(ZL_IOERR, r->fname, 0,
		    _("not a readable workbook: %s (truncated or corrupt? save "
		      "it again)"),
		    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	x->limit = (unsigned long long)n * RATIO;
	if (x->limit < MIN_LIMIT)
		x->limit = MIN_LIMIT;
}

/* Is there an entry whose name holds s (case ignored)? */
static int
has_entry(struct xlsx *x, const char *s)
{
	zip_int64_t i, n = zip_get_num_entries(x->z, 0);

	for (i = 0; i < n; i++) {
		const char *name = zip_get_name(x->z, (zip_uint64_t)i, 0);

		if (name != NULL && strcasestr(name, s) != NULL)
			return 1;
	}
	return 0;
}

/* The workbook part (a new string): what _rels/.rels says, or the usual. */
static char *
workbook_part(struct xlsx *x)
{
	const struct rel *rel;
	char *part;

	read_rels(x, "");
	rel = rel_find(x, "/officeDocument", NULL);
	part = xstrdup(rel != NULL ? rel->target + (rel->target[0] == '/') :
				     "xl/workbook.xml");
	if (zip_name_locate(x->z, part, ZIP_FL_NOCASE) >= 0 &&
	    strcasestr(part, ".bin") == NULL)
		return part;
	if (strcasestr(part, ".bin") != NULL)
		zl_die_at(ZL_IOERR, x->b->fname, 0,
		    _("a binary workbook (.xlsb): save it as .xlsx"));
	if (has_entry(x, "content.xml"))
		zl_die_at(ZL_IOERR, x->b->fname, 0,
		    _("an OpenDocument spreadsheet (.ods), not .xlsx: save it "
		      "as .xlsx"));
	zl_die_at(ZL_IOERR, x->b->fname, 0,
	    _("a zip archive, but not an .xlsx workbook (no %s)"), part);
}

/* The sheet to read: its part (x->part); *names for book_pick. */
static void
find_sheet(struct xlsx *x, const char *wb)
{
	const char **names = xcalloc(x->nsheets + 1, sizeof *names);
	const struct rel *rel;
	const struct sheet *sh;
	size_t i, len;

	for (i = 0; i < x->nsheets; i++)
		names[i] = x->sheets[i].name;
	sh = &x->sheets[book_pick(x->b, x->nsheets, names)];
	free(names);
	if ((rel = rel_find(x, NULL, sh->rid)) == NULL)
		corrupt(x, _("a sheet without its part"));
	len = strlen(rel->type);
	if (len < 10 || strcmp(rel->type + len - 10, "/worksheet") != 0)
		zl_die_at(ZL_IOERR, x->b->fname, 0,
		    _("sheet '%s' is a chart or a dialog, not a worksheet "
		      "(--sheet to choose another)"),
		    sh->name);
	x->part = resolve(wb, rel->target);
}

/* The shared strings and the styles, when the workbook has them. */
static void
read_shared(struct xlsx *x, const char *wb)
{
	const struct rel *rel;
	char *sst = NULL, *styles = NULL;

	if ((rel = rel_find(x, "/sharedStrings", NULL)) != NULL)
		sst = resolve(wb, rel->target);
	if ((rel = rel_find(x, "/styles", NULL)) != NULL)
		styles = resolve(wb, rel->target);
	if (sst != NULL && zip_name_locate(x->z, sst, ZIP_FL_NOCASE) >= 0)
		xin_all(x, sst, NULL, 0, sst_start, sst_end);
	if (styles != NULL &&
	    zip_name_locate(x->z, styles, ZIP_FL_NOCASE) >= 0) {
		xin_all(x, styles, NULL, 0, styles_start, styles_end);
		xf_kinds(x);
	}
	free(sst);
	free(styles);
}

void
rd_xlsx_open(struct rd *r, struct book *b)
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	char *wb;

	xlsx_init(b, x);
	open_zip(r, x);
	wb = workbook_part(x);
	if (has_entry(x, "vbaProject.bin"))
		zl_warn_at(b->fname, 0,
		    _("the workbook holds macros: not run, the values are "
		      "read as last saved"));
	if (has_entry(x, "externalLinks/"))
		zl_warn_at(b->fname, 0,
		    _("the workbook links to other workbooks: their values "
		      "are read as last saved"));
	xin_all(x, wb, NULL, 0, book_start, no_end);
	read_rels(x, wb);
	find_sheet(x, wb);
	read_shared(x, wb);
	free(wb);
	free_rels(x);
	xin_begin(x, x->part, NULL, 0, sheet_start, sheet_end);
}
