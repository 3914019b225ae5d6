/*
 * rd's CSV reader, the fast path: a record's lines scanned 64 bytes at a
 * time for quotes, commas and CRs, each kind a bit mask.  The bytes inside
 * quotes are the prefix parity of the quote mask ("" toggles twice); the
 * commas outside them are the separators.  A record whose quotes are not
 * as RFC 4180 has them (a quote inside an unquoted field, text after a
 * closing quote), with a CR outside quotes but at its end, unterminated,
 * or over a limit is left to libcsv (rd_csv.c), which says what is wrong:
 * the fast path takes only records libcsv reads without complaint, and
 * gives exactly its fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2 1
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/rd_int.h"

/* What scanning a record's lines keeps. */
struct cscan {
	uint64_t inq;	    /* all ones: inside quotes after the last byte */
	uint64_t bad;	    /* something for libcsv to say */
	uint64_t pairs;	    /* a "" inside quotes */
	uint64_t anyq;	    /* a quote */
	unsigned *tp, *lim; /* separators: their offsets in the record */
};

/* Bit i: the parity of bits 0..i of x. */
static inline uint64_t
prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

/* One offset of extract, written whether or not it is real. */
#define ONE(m, base, t, k)                                                     \
	do {                                                                   \
		(t)[k] = (base) + (unsigned)__builtin_ctzll((m) | 1ULL << 63); \
		(m) &= (m)-1;                                                  \
	} while (0)

/*
 * The offsets (base + the bit's index) of the bits of m, at tp on.  The
 * first four are written whether or not there are so many, and tp moved
 * on by the count, so that the usual few cost no mispredicted branch and
 * the stores do not wait for one another.
 */
static inline unsigned *
extract(uint64_t m, unsigned base, unsigned *tp)
{
	unsigned c = (unsigned)__builtin_popcountll(m), *t;

	ONE(m, base, tp, 0);
	ONE(m, base, tp, 1);
	ONE(m, base, tp, 2);
	ONE(m, base, tp, 3);
	for (t = tp + 4; m != 0; t++) {
		*t = base + (unsigned)__builtin_ctzll(m);
		m &= m - 1;
	}
	return tp + c;
}

/*
 * The quotes of a block: q its quotes, sep its commas (outside quotes on
 * return), cr its CRs (outside on return), keep its bytes of the line;
 * from the block before: cq, its last byte was a closing quote; fs, a
 * field begins at this block's first byte.  Returns cq for the next.
 */
static inline uint64_t
quotes(struct cscan *st, uint64_t q, uint64_t *sep, uint64_t *cr, uint64_t keep,
    uint64_t cq, uint64_t fs, uint64_t *drop)
{
	uint64_t x = prefix_xor(q) ^ st->inq;
	uint64_t open = q & x, close = q & ~x;
	uint64_t after = close << 1 | cq;

	*sep &= ~x;
	*cr &= ~x;
	/* a closing quote is followed by a quote, a separator, a CR (the line
	 * end's, checked after) or the line end */
	st->bad |= after & ~(q | *sep | *cr | ~keep);
	/* an opening quote begins a field, or follows a closing one */
	st->bad |= open & ~(*sep << 1 | fs | after);
	st->pairs |= after & q;
	if (drop != NULL) /* the quotes that are not text: all but the
			   * second of a pair */
		*drop = q & ~after;
	st->anyq |= q;
	st->inq = (uint64_t)((int64_t)x >> 63);
	return close >> 63;
}

/* The line's state between its blocks (see quotes). */
struct carry {
	uint64_t cq, fs;
};

/*
 * A block of a line: q, sep, cr its quotes, commas, CRs; left the line's
 * bytes from its first; base its offset in the record.
 */
static inline __attribute__((always_inline)) uint64_t
block_seps(struct cscan *st, struct carry *c, uint64_t q, uint64_t sep,
    uint64_t cr, size_t left, uint64_t *drop)
{
	uint64_t keep = left >= 64 ? ~0ULL : (1ULL << left) - 1;

	q &= keep;
	sep &= keep;
	cr &= keep;
	if (drop != NULL)
		*drop = 0;
	if ((q | st->inq | c->cq) != 0)
		c->cq = quotes(st, q, &sep, &cr, keep, c->cq, c->fs, drop);
	/* a CR outside quotes but the line's last byte */
	if (cr != 0 && (left > 64 || cr != 1ULL << (left - 1)))
		st->bad = 1;
	c->fs = sep >> 63;
	return sep;
}

/* The same, the separators' offsets (base + their index) kept. */
static inline __attribute__((always_inline)) void
block(struct cscan *st, struct carry *c, uint64_t q, uint64_t sep, uint64_t cr,
    size_t left, unsigned base)
{
	sep = block_seps(st, c, q, sep, cr, left, NULL);
	st->tp = extract(sep, base, st->tp);
}

/*
 * Scanning the line [s, s+n) of a record (no line end), at offset base in
 * it; first: the record's first line.  The blocks read past the line (the
 * buffer has PAD bytes after the data) and mask off what lies beyond.
 */
#define SCAN_LINE(MASKS)                                              \
	do {                                                          \
		struct carry c_ = { 0, first != 0 };                  \
		size_t i_;                                            \
                                                                      \
		for (i_ = 0; i_ < n && st->tp <= st->lim; i_ += 64) { \
			uint64_t q_, sep_, cr_;                       \
                                                                      \
			MASKS(s + i_, q_, sep_, cr_);                 \
			block(st, &c_, q_, sep_, cr_, n - i_,         \
			    base + (unsigned)i_);                     \
		}                                                     \
		if (st->tp > st->lim) /* too many fields */           \
			st->bad = 1;                                  \
	} while (0)

/* Bit i of q, c, r: byte i of the 64 at p is a quote, comma, CR. */
#define MASKS_SCALAR(p, q, c, r)                                \
	do {                                                    \
		int k_;                                         \
                                                                \
		q = c = r = 0;                                  \
		for (k_ = 0; k_ < 64; k_++) {                   \
			q |= (uint64_t)((p)[k_] == '"') << k_;  \
			c |= (uint64_t)((p)[k_] == ',') << k_;  \
			r |= (uint64_t)((p)[k_] == '\r') << k_; \
		}                                               \
	} while (0)

#if defined(__SSE2__)
static inline uint64_t
eq16(__m128i v, char ch, int k)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(
		   _mm_cmpeq_epi8(v, _mm_set1_epi8(ch)))
	    << (16 * k);
}

#define MASK16(p, k, q, c, r)                                             \
	do {                                                              \
		__m128i v_ = _mm_loadu_si128((const __m128i *)(p) + (k)); \
		q |= eq16(v_, '"', k);                                    \
		c |= eq16(v_, ',', k);                                    \
		r |= eq16(v_, '\r', k);                                   \
	} while (0)
#define MASKS_SSE2(p, q, c, r)         \
	do {                           \
		q = c = r = 0;         \
		MASK16(p, 0, q, c, r); \
		MASK16(p, 1, q, c, r); \
		MASK16(p, 2, q, c, r); \
		MASK16(p, 3, q, c, r); \
	} while (0)

static void
scan_sse2(struct cscan *st, const char *s, size_t n, unsigned base, int first)
{
	SCAN_LINE(MASKS_SSE2);
}
#endif

static void
scan_scalar(struct cscan *st, const char *s, size_t n, unsigned base, int first)
{
	SCAN_LINE(MASKS_SCALAR);
}

#ifdef HAVE_AVX2
__attribute__((target("avx2,bmi,popcnt"))) static inline uint64_t
eq32(__m256i v, char ch, int k)
{
	return (uint64_t)(unsigned)_mm256_movemask_epi8(
		   _mm256_cmpeq_epi8(v, _mm256_set1_epi8(ch)))
	    << (32 * k);
}

#define MASK32(p, k, q, c, r)                                                \
	do {                                                                 \
		__m256i v_ = _mm256_loadu_si256((const __m256i *)(p) + (k)); \
		q |= eq32(v_, '"', k);                                       \
		c |= eq32(v_, ',', k);                                       \
		r |= eq32(v_, '\r', k);                                      \
	} while (0)
#define MASKS_AVX2(p, q, c, r)         \
	do {                           \
		q = c = r = 0;         \
		MASK32(p, 0, q, c, r); \
		MASK32(p, 1, q, c, r); \
	} while (0)

__attribute__((target("avx2,bmi,popcnt"))) static void
scan_avx2(struct cscan *st, const char *s, size_t n, unsigned base, int first)
{
	SCAN_LINE(MASKS_AVX2);
}
#endif

#ifdef HAVE_AVX2
#define EQ512(v, ch) _mm512_cmpeq_epi8_mask((v), _mm512_set1_epi8(ch))

/*
 * A record of one line at r->pos, its end found in the same pass as its
 * quotes and separators (AVX-512 BW), 64 bytes a step: the offset of its
 * LF, or -1 when it is left to the scan line by line (no LF in the
 * buffer, a blank line, an LF inside quotes, too many fields).
 */
__attribute__((target("avx512f,avx512bw,bmi,popcnt"))) static long long
one_line512(struct rd *r, struct cscan *st)
{
	const char *s = r->buf + r->pos;
	size_t avail = r->end - r->pos, i, b;
	struct carry c = { 0, 1 };

	for (i = 0; i < avail && st->tp <= st->lim; i += 64) {
		__m512i v = _mm512_loadu_si512((const void *)(s + i));
		uint64_t lf = EQ512(v, '\n');

		if (avail - i < 64)
			lf &= (1ULL << (avail - i)) - 1;
		if (lf == 0) { /* the line goes on (left 65), or ends here */
			b = i + 64 < avail && s[i + 64] == '\n' ? 64 : 65;
			block(st, &c, EQ512(v, '"'), EQ512(v, ','),
			    EQ512(v, '\r'), b, (unsigned)i);
			continue;
		}
		b = (size_t)__builtin_ctzll(lf);
		if (i + b == 0 || (i + b == 1 && s[0] == '\r'))
			return -1; /* a blank line */
		if (b > 0)
			block(st, &c, EQ512(v, '"'), EQ512(v, ','),
			    EQ512(v, '\r'), b, (unsigned)i);
		if (st->inq || st->tp > st->lim)
			return -1;
		return (long long)(r->pos + i + b);
	}
	return -1;
}

/* Bit i of the masks: byte i of the 64 at p is a quote, comma, CR, LF
 * (AVX2). */
#define MASKS4_AVX2(p, q, c, r, l)                                       \
	do {                                                             \
		q = c = r = 0;                                           \
		MASK32(p, 0, q, c, r);                                   \
		MASK32(p, 1, q, c, r);                                   \
		l = (uint64_t)(unsigned)_mm256_movemask_epi8(            \
			_mm256_cmpeq_epi8(_mm256_loadu_si256(            \
					      (const __m256i *)(p)),     \
			    _mm256_set1_epi8('\n'))) |                   \
		    (uint64_t)(unsigned)_mm256_movemask_epi8(            \
			_mm256_cmpeq_epi8(_mm256_loadu_si256(            \
					      (const __m256i *)(p) + 1), \
			    _mm256_set1_epi8('\n')))                     \
			<< 32;                                           \
	} while (0)

/* one_line512 with AVX2: the LF found with the rest, no memchr first. */
__attribute__((target("avx2,bmi,popcnt"))) static long long
one_line256(struct rd *r, struct cscan *st)
{
	const char *s = r->buf + r->pos;
	size_t avail = r->end - r->pos, i, b;
	struct carry c = { 0, 1 };

	for (i = 0; i < avail && st->tp <= st->lim; i += 64) {
		uint64_t q, sep, cr, lf;

		MASKS4_AVX2(s + i, q, sep, cr, lf);
		if (avail - i < 64)
			lf &= (1ULL << (avail - i)) - 1;
		if (lf == 0) { /* the line goes on (left 65), or ends here */
			b = i + 64 < avail && s[i + 64] == '\n' ? 64 : 65;
			block(st, &c, q, sep, cr, b, (unsigned)i);
			continue;
		}
		b = (size_t)__builtin_ctzll(lf);
		if (i + b == 0 || (i + b == 1 && s[0] == '\r'))
			return -1; /* a blank line */
		if (b > 0)
			block(st, &c, q, sep, cr, b, (unsigned)i);
		if (st->inq || st->tp > st->lim)
			return -1;
		return (long long)(r->pos + i + b);
	}
	return -1;
}

#define VBMI2 \
	__attribute__((target("avx512f,avx512bw,avx512vbmi2,bmi,bmi2,popcnt")))

/* What one_line_tsv leaves out of the line it makes: the fields past
 * cut (0: none). */
struct cutting {
	size_t cut;
	size_t nsep;   /* the separators past the cut-th field */
	uint64_t text; /* a byte of text in those fields */
};

/*
 * The part of a block that goes into the line: the bits of keep and sep
 * before the separator ending field cut (have separators before the
 * block), when it is in the block; *nsep: the separators from it on,
 * *text: a byte of text after it.
 */
static inline VBMI2 void
cut_block(size_t cut, size_t have, uint64_t *keep, uint64_t *sep, uint64_t drop,
    size_t *nsep, uint64_t *text)
{
	uint64_t past;

	if (have + (size_t)__builtin_popcountll(*sep) < cut)
		return;
	past = ~(_pdep_u64(1ULL << (cut - have - 1), *sep) - 1);
	*nsep = (size_t)__builtin_popcountll(*sep & past);
	*text = *keep & ~drop & ~*sep & past;
	*keep &= ~past;
	*sep &= ~past;
}

/*
 * one_line512 that also makes the record's fields a TSV line, at out
 * (room: the bytes available and 64), with AVX-512 VBMI2: each block's
 * separators made TABs and its quotes that are not text (all but the
 * second of a pair) left out (compressed), the separators' offsets taken
 * in the line made, and the line end's CR left out.  *olen: its length;
 * *esc: 1 when a field holds a byte TSV escapes (TAB, a backslash, CR),
 * and the line is not TSV (its fields are right).  CUT (a constant):
 * the fields past the first cu->cut are only scanned (their quotes
 * checked, their separators counted), not made (-1 when one could be too
 * long).
 */
static inline __attribute__((always_inline)) VBMI2 long long
line_tsv(struct rd *r, struct cscan *st, char *out, size_t *olen, int *esc,
    struct cutting *cu, const int CUT)
{
	const char *s = r->buf + r->pos;
	size_t avail = r->end - r->pos, i, b, o = 0, nsep = 0;
	struct carry c = { 0, 1 };
	uint64_t e = 0, drop, text = 0;

	for (i = 0; i < avail && st->tp + nsep <= st->lim; i += 64) {
		__m512i v = _mm512_loadu_si512((const void *)(s + i));
		uint64_t lf = EQ512(v, '\n'), cr = EQ512(v, '\r'), sep, keep;

		if (avail - i < 64)
			lf &= (1ULL << (avail - i)) - 1;
		if (lf == 0) { /* the line goes on (left 65), or ends here */
			b = i + 64 < avail && s[i + 64] == '\n' ? 64 : 65;
		} else {
			b = (size_t)__builtin_ctzll(lf);
			if (i + b == 0 || (i + b == 1 && s[0] == '\r'))
				return -1; /* a blank line */
		}
		if (b > 0) {
			sep = block_seps(st, &c, EQ512(v, '"'), EQ512(v, ','),
			    cr, b, &drop);
			keep = b >= 64 ? ~0ULL : (1ULL << b) - 1;
			if (b <= 64 && (cr >> (b - 1) & 1) != 0)
				keep &= ~(1ULL << (b - 1)); /* CRLF's CR */
			if (CUT && nsep != 0) { /* past the cut: counted */
				if (i >= REC_MAX_FIELD)
					return -1;
				nsep += (size_t)__builtin_popcountll(sep);
				text |= keep & ~drop & ~sep;
				goto next;
			}
			if (CUT)
				cut_block(cu->cut, (size_t)(st->tp - r->tabs),
				    &keep, &sep, drop, &nsep, &text);
			if (!CUT) /* (with a cut, no line is made) */
				e |= (EQ512(v, '\t') | EQ512(v, '\\') | cr) &
				    keep;
			keep &= ~drop;
			_mm512_storeu_si512((void *)(out + o),
			    _mm512_maskz_compress_epi8(keep,
				_mm512_mask_mov_epi8(v, sep,
				    _mm512_set1_epi8('\t'))));
			st->tp = rd_extract_vbmi2(_pext_u64(sep, keep),
			    (unsigned)o, st->tp);
			o += (size_t)__builtin_popcountll(keep);
		}
next:
		if (lf != 0) {
			if (st->inq || st->tp + nsep > st->lim)
				return -1;
			*olen = o;
			*esc = e != 0;
			cu->nsep = nsep;
			cu->text = text;
			return (long long)(r->pos + i + b);
		}
	}
	return -1;
}

static VBMI2 long long
one_line_tsv(struct rd *r, struct cscan *st, char *out, size_t *olen, int *esc,
    struct cutting *cu)
{
	struct cscan l = *st; /* (in registers) */
	long long e = cu->cut != 0 ? line_tsv(r, &l, out, olen, esc, cu, 1) :
				     line_tsv(r, &l, out, olen, esc, cu, 0);

	*st = l;
	return e;
}
#endif

enum { SCAN_SCALAR, SCAN_SSE2, SCAN_AVX2, SCAN_AVX512, SCAN_VBMI2 };

/*
 * The scanner the processor can run, the best one; $ZHILI_CSV_SCAN
 * (scalar, sse2, avx2) picks a lesser one, for the tests (lib/README).
 */
void
rd_csv_scan_init(struct rd *r)
{
	const char *e = getenv("ZHILI_CSV_SCAN");

	r->csv_scan = SCAN_SCALAR;
#if defined(__SSE2__)
	r->csv_scan = SCAN_SSE2;
#endif
#ifdef HAVE_AVX2
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi"))
		r->csv_scan = SCAN_AVX2;
	if (r->csv_scan == SCAN_AVX2 && __builtin_cpu_supports("avx512bw"))
		r->csv_scan = SCAN_AVX512;
	if (r->csv_scan == SCAN_AVX512 &&
	    __builtin_cpu_supports("avx512vbmi2") &&
	    __builtin_cpu_supports("bmi2"))
		r->csv_scan = SCAN_VBMI2;
#endif
	if (e != NULL && strcmp(e, "avx512") == 0 && r->csv_scan > SCAN_AVX512)
		r->csv_scan = SCAN_AVX512;
	else if (e != NULL && strcmp(e, "scalar") == 0)
		r->csv_scan = SCAN_SCALAR;
	else if (e != NULL && strcmp(e, "sse2") == 0 && r->csv_scan > SCAN_SSE2)
		r->csv_scan = SCAN_SSE2;
	else if (e != NULL && strcmp(e, "avx2") == 0 && r->csv_scan > SCAN_AVX2)
		r->csv_scan = SCAN_AVX2;
}

static void
scan_line(struct rd *r, struct cscan *st, size_t n, int first)
{
	const char *s = r->buf + r->pos;
	unsigned base = (unsigned)(r->pos - r->rs);

	switch (r->csv_scan) {
#ifdef HAVE_AVX2
	case SCAN_VBMI2:
	case SCAN_AVX512:
	case SCAN_AVX2:
		scan_avx2(st, s, n, base, first);
		return;
#endif
#if defined(__SSE2__)
	case SCAN_SSE2:
		scan_sse2(st, s, n, base, first);
		return;
#endif
	default:
		scan_scalar(st, s, n, base, first);
	}
}

/* The quoted field [s, s+n) (its quotes with it) unescaped into scratch:
 * its quotes are in pairs. */
static void
unquote(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n - 1, *q;

	for (s++; (q = memchr(s, '"', (size_t)(end - s))) != NULL; s = q + 2)
		buf_add(b, s, (size_t)(q - s) + 1);
	buf_add(b, s, (size_t)(end - s));
}

/*
 * The fields of the record at p whose quotes are off and that hold "":
 * unquoted into scratch, each "" made ".
 */
static void
unpair(struct rd *r, const char *p, size_t nf)
{
	size_t i, off = 0;

	buf_reset(&r->scratch);
	for (i = 0; i < nf; i++) {
		const char *s = i > 0 ? p + r->tabs[i - 1] + 1 : p;

		if (r->ff[i].p == s ||
		    memchr(r->ff[i].p, '"', r->ff[i].n) == NULL)
			continue;
		r->ff[i].p = NULL; /* made a pointer below */
		r->ff[i].n = r->scratch.n;
		unquote(&r->scratch, s, (size_t)(r->tabs[i] - (s - p)));
		r->ff[i].n = r->scratch.n - r->ff[i].n;
	}
	for (i = 0; i < nf; i++)
		if (r->ff[i].p == NULL) {
			r->ff[i].p = r->scratch.p + off;
			off += r->ff[i].n;
		}
}

#ifdef HAVE_AVX2
/*
 * The fields ff[0, nf) of a record at p with no quote, ending at the
 * offsets e[0, nf), 8 a step (AVX-512): the ends widened, the starts the
 * ends before them plus one, each field's pointer and length put side by
 * side, two stores.  ff and e have room for 8 more (written, read: not
 * used).
 */
__attribute__((target("avx512f"))) static void
plain_fields512(const char *p, const unsigned *e, size_t nf, struct str *ff)
{
	const __m512i up = _mm512_set_epi64(6, 5, 4, 3, 2, 1, 0, 0);
	const __m512i lo = _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0);
	const __m512i hi = _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4);
	const __m512i one = _mm512_set1_epi64(1);
	__m512i base = _mm512_set1_epi64((long long)(uintptr_t)p);
	__m512i prev = _mm512_set1_epi64(-1);
	size_t j;

	for (j = 0; j < nf; j += 8) {
		__m512i end = _mm512_cvtepu32_epi64(
		    _mm256_loadu_si256((const __m256i *)(e + j)));
		__m512i start = _mm512_add_epi64(
		    _mm512_mask_mov_epi64(_mm512_permutexvar_epi64(up, end), 1,
			prev),
		    one);
		__m512i fp = _mm512_add_epi64(base, start);
		__m512i fn = _mm512_sub_epi64(end, start);

		_mm512_storeu_si512((void *)(ff + j),
		    _mm512_permutex2var_epi64(fp, lo, fn));
		_mm512_storeu_si512((void *)(ff + j + 4),
		    _mm512_permutex2var_epi64(fp, hi, fn));
		prev = _mm512_permutexvar_epi64(_mm512_set1_epi64(7), end);
	}
}

/* The same, 4 a step (AVX2). */
__attribute__((target("avx2"))) static void
plain_fields256(const char *p, const unsigned *e, size_t nf, struct str *ff)
{
	const __m256i one = _mm256_set1_epi64x(1);
	__m256i base = _mm256_set1_epi64x((long long)(uintptr_t)p);
	__m256i prev = _mm256_set1_epi64x(-1);
	size_t j;

	for (j = 0; j < nf; j += 4) {
		__m256i end = _mm256_cvtepu32_epi64(
		    _mm_loadu_si128((const __m128i *)(e + j)));
		/* [prev, e0, e1, e2] */
		__m256i sh = _mm256_blend_epi32(_mm256_permute4x64_epi64(end,
						    0x90),
		    prev, 0x03);
		__m256i start = _mm256_add_epi64(sh, one);
		__m256i fp = _mm256_add_epi64(base, start);
		__m256i fn = _mm256_sub_epi64(end, start);
		__m256i a = _mm256_unpacklo_epi64(fp, fn); /* 0, 2 */
		__m256i b = _mm256_unpackhi_epi64(fp, fn); /* 1, 3 */

		_mm256_storeu_si256((__m256i *)(ff + j),
		    _mm256_permute2x128_si256(a, b, 0x20));
		_mm256_storeu_si256((__m256i *)(ff + j + 2),
		    _mm256_permute2x128_si256(a, b, 0x31));
		prev = _mm256_permute4x64_epi64(end, 0xFF);
	}
}
#endif

/*
 * The fields of the record [p, p+len) with k separators at r->tabs (room
 * for one more), the quotes of a quoted one off (without a branch: which
 * ones are quoted is as the data has it); anyq: it has a quote, pairs: a
 * "" inside quotes.  0 when a field is too long for the fast path.  With
 * no quote, by a vector loop when the processor has one.
 */
static inline __attribute__((always_inline)) int
fast_fields(struct rd *r, const char *p, size_t len, size_t k, int anyq,
    int pairs)
{
	size_t i, start = 0, q = anyq != 0;

	if (r->capff < k + 9) { /* (and 8 more for a vector loop) */
		r->capff = k + 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	r->tabs[k] = (unsigned)len;
	i = 0;
#ifdef HAVE_AVX2
	if (!anyq && r->csv_scan >= SCAN_AVX2) {
		if (r->csv_scan >= SCAN_AVX512)
			plain_fields512(p, r->tabs, k + 1, r->ff);
		else
			plain_fields256(p, r->tabs, k + 1, r->ff);
		i = k + 1;
	}
#endif
	for (; i <= k; i++) {
		const char *s = p + start;
		size_t n = r->tabs[i] - start;
		size_t quoted = q & (n != 0) & (*s == '"');

		r->ff[i].p = s + quoted;
		r->ff[i].n = n - 2 * quoted;
		start = r->tabs[i] + 1;
	}
	r->fnf_rec = k + 1;
	if (len > REC_MAX_FIELD)
		for (i = 0; i <= k; i++)
			if (r->ff[i].n > REC_MAX_FIELD)
				return 0;
	if (pairs)
		unpair(r, p, k + 1);
	return 1;
}

/* The n fields past the cut, left empty; text: they are not. */
static void
past_cut(struct rd *r, size_t n, int text)
{
	size_t i, k = r->fnf_rec;

	if (r->capff < k + n) {
		r->capff = k + n + 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	for (i = k; i < k + n; i++) {
		r->ff[i].p = r->ff[k - 1].p + r->ff[k - 1].n;
		r->ff[i].n = 0;
	}
	r->fnf_rec = k + n;
	r->cut_text = text;
}

/*
 * Whether a field of the record [p, p+len) from the i-th on holds text
 * (k separators at r->tabs; anyq: quoted ones may be).
 */
static int
text_from(const struct rd *r, const char *p, size_t len, size_t i, size_t k,
    int anyq)
{
	for (; i <= k; i++) {
		size_t start = r->tabs[i - 1] + 1,
		       end = i < k ? r->tabs[i] : len;
		size_t n = end - start;

		if (anyq && n >= 2 && p[start] == '"')
			n -= 2;
		if (n != 0)
			return 1;
	}
	return 0;
}

/*
 * fast_fields, with the cut (rd_fields_upto) when the record has fields
 * past it: those are left empty (their text told, when all_empty could
 * ask: every field made is empty), not made, their quotes not taken off
 * nor their "" unescaped.  Not when a field could be too long: the
 * record is made whole, for the check.
 */
static int
cut_fields(struct rd *r, const char *p, size_t len, size_t k, int anyq,
    int pairs)
{
	size_t m = r->cut, i;
	int text = 1;

	if (m == 0 || m > k || len > REC_MAX_FIELD)
		return fast_fields(r, p, len, k, anyq, pairs);
	if (!fast_fields(r, p, r->tabs[m - 1], m - 1, anyq, pairs))
		return 0;
	for (i = 0; i < m && r->ff[i].n == 0; i++)
		;
	if (i == m)
		text = text_from(r, p, len, m, k, anyq);
	past_cut(r, k + 1 - m, text);
	return 1;
}

/* Leave the record to libcsv: back to its first line. */
static int
slow(struct rd *r)
{
	r->pos = r->rs;
	r->line = r->rline;
	return RD_SLOW;
}

/*
 * The first line of the next record, blank lines skipped: its end (as
 * rd_line_end gives it), or -1 at the end of the input, -2 when it cannot
 * be read here.
 */
static long long
first_line(struct rd *r, int *nl)
{
	for (;;) {
		long long e;
		size_t n;

		r->rs = r->pos;
		r->rline = r->line;
		e = rd_line_end(r, nl);
		if (e < 0)
			return e == -1 ? -1 : -2;
		n = (size_t)e - r->pos;
		if (n > 0 && r->buf[r->pos + n - 1] == '\r')
			n--;
		if (n > 0 || rd_bad_before(r, (size_t)e))
			return e;
		/* a blank line */
		r->pos = (size_t)e + (size_t)*nl;
		r->line++;
	}
}

/*
 * The record's lines scanned one by one: its end, as first_line gives it
 * (-1 at the end of the input), or -2 to leave it to libcsv.
 */
static long long
scan_lines(struct rd *r, struct cscan *st, int *nl)
{
	long long e = first_line(r, nl);

	if (e < 0)
		return e;
	scan_line(r, st, (size_t)e - r->pos, 1);
	while (st->inq && !st->bad) {
		if (!*nl) /* unterminated */
			return -2;
		r->pos = (size_t)e + 1;
		r->line++;
		if ((e = rd_line_end(r, nl)) < 0)
			return -2;
		scan_line(r, st, (size_t)e - r->pos, 0);
	}
	return e;
}

/*
 * Read the next CSV record here if it is as RFC 4180 has it: RD_OK,
 * RD_EOF, or RD_SLOW for libcsv to read it (nothing read).
 */
int
rd_csv_fast(struct rd *r)
{
	const struct cscan st0 = { 0, 0, 0, 0, r->tabs,
		r->tabs + REC_MAX_FIELDS };
	struct cscan st = st0;
	struct cutting cu = { r->cut, 0, 0 };
	int nl = 1, esc = 1;
	long long e = -1;
	size_t len, k, olen = 0;
	const char *p;

	r->rs = r->pos;
	r->rline = r->line;
	r->tline.p = NULL;
	r->cut_text = 0;
#ifdef HAVE_AVX2
	if (r->csv_scan == SCAN_VBMI2) {
		r->scratch.n = 0; /* the line's room, once a buffer */
		if (r->scratch.cap <= r->end - r->pos + 128)
			buf_grow(&r->scratch, r->end - r->pos + 128);
		e = one_line_tsv(r, &st, r->scratch.p, &olen, &esc, &cu);
		if (e >= 0)
			r->tline.p = r->scratch.p;
	} else if (r->csv_scan == SCAN_AVX512)
		e = one_line512(r, &st);
	else if (r->csv_scan == SCAN_AVX2)
		e = one_line256(r, &st);
#endif
	if (e < 0) {
		st = st0;
		cu.nsep = 0;
		if ((e = scan_lines(r, &st, &nl)) == -1)
			return RD_EOF;
		if (e < 0)
			return slow(r);
	}
	k = (size_t)(st.tp - r->tabs);
	if (st.bad || k + cu.nsep >= REC_MAX_FIELDS)
		return slow(r);
	p = r->buf + r->rs;
	len = (size_t)e - r->rs;
	if (len > 0 && p[len - 1] == '\r')
		len--;
	if (r->tline.p != NULL) { /* the fields in the line made */
		if (!fast_fields(r, r->tline.p, olen, k, 0, 0)) {
			r->tline.p = NULL;
			return slow(r);
		}
		r->tline.n = olen;
		r->scratch.p[olen] = '\n'; /* written with it (padding) */
		if (esc || cu.cut != 0)
			r->tline.p = NULL;
		if (cu.nsep != 0)
			past_cut(r, cu.nsep, cu.text != 0);
	} else if (!cut_fields(r, p, len, k, st.anyq != 0, st.pairs != 0))
		return slow(r);
	r->pos = (size_t)e + (size_t)nl;
	r->line++;
	r->re = r->rs + len;
	r->escaped = st.anyq != 0;
	return RD_OK;
}
