/*
 * rd's TSV reader.  TSV lines are split in place (fields point into the
 * buffer); a field with an escape is unescaped into r->scratch.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_SSE2 1
#endif

#include "lib/rd_int.h"

void
tsv_unescape(struct buf *b, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++) {
		char c = s[j];

		/* \t \n \r \\; any other backslash is kept */
		if (c == '\\' && j + 1 < n) {
			switch (s[j + 1]) {
			case 't':
				c = '\t';
				j++;
				break;
			case 'n':
				c = '\n';
				j++;
				break;
			case 'r':
				c = '\r';
				j++;
				break;
			case '\\':
				j++;
				break;
			}
		}
		buf_addc(b, c);
	}
}

static void
unescape(struct rd *r)
{
	size_t i;

	buf_reset(&r->scratch);
	for (i = 0; i < r->fnf_rec; i++) {
		const char *s = r->ff[i].p;
		size_t n = r->ff[i].n;

		r->coff[2 * i] = SIZE_MAX; /* unchanged */
		if (memchr(s, '\\', n) == NULL)
			continue;
		r->coff[2 * i] = r->scratch.n;
		tsv_unescape(&r->scratch, s, n);
		r->coff[2 * i + 1] = r->scratch.n - r->coff[2 * i];
	}
	for (i = 0; i < r->fnf_rec; i++)
		if (r->coff[2 * i] != SIZE_MAX) {
			r->ff[i].p = r->scratch.p + r->coff[2 * i];
			r->ff[i].n = r->coff[2 * i + 1];
		}
}

/*
 * Splitting a TSV line: the offsets of its TABs go into r->tabs, then the
 * fields are made from them.  The vector code reads whole blocks past the
 * end of the line (the buffer has PAD bytes to spare) and masks off what
 * lies beyond; it writes eight offsets per block whether or not there are
 * so many, and counts only the real ones, so that the usual few TABs per
 * block cost no mispredicted branch.
 */
#define TABS_CAP (REC_MAX_FIELDS + 80)

#ifdef HAVE_SSE2
#define EXTRACT(mt, base, tp)                                               \
	do {                                                                \
		unsigned m_ = (mt), c_ = (unsigned)__builtin_popcount(m_);  \
		unsigned *t_ = (tp);                                        \
		t_[0] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[1] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[2] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		t_[3] = (base) + (unsigned)__builtin_ctz(m_ | 0x80000000u); \
		m_ &= m_ - 1;                                               \
		for (t_ += 4; m_ != 0; t_++) {                              \
			*t_ = (base) + (unsigned)__builtin_ctz(m_);         \
			m_ &= m_ - 1;                                       \
		}                                                           \
		(tp) += c_;                                                 \
	} while (0)

static size_t
tabs_sse2(const char *s, size_t n, unsigned *tabs, int *esc)
{
	const __m128i tab = _mm_set1_epi8('\t');
	const __m128i bs = _mm_set1_epi8('\\');
	const __m128i cr = _mm_set1_epi8('\r');
	unsigned *tp = tabs, *lim = tabs + REC_MAX_FIELDS;
	unsigned e = 0;
	size_t i;

	for (i = 0; i < n && tp <= lim; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		unsigned keep = n - i >= 16 ? 0xFFFFu : (1u << (n - i)) - 1;
		unsigned mt = (unsigned)_mm_movemask_epi8(
				  _mm_cmpeq_epi8(v, tab)) &
		    keep;

		e |= (unsigned)_mm_movemask_epi8(
			 _mm_or_si128(_mm_cmpeq_epi8(v, bs),
			     _mm_cmpeq_epi8(v, cr))) &
		    keep;
		EXTRACT(mt, (unsigned)i, tp);
	}
	*esc = e != 0;
	return (size_t)(tp - tabs);
}

/* EXTRACT for a 64-bit mask. */
#define EXTRACT64(mt, base, tp)                                              \
	do {                                                                 \
		uint64_t m_ = (mt);                                          \
		unsigned c_ = (unsigned)__builtin_popcountll(m_);            \
		unsigned *t_ = (tp);                                         \
		t_[0] = (base) + (unsigned)__builtin_ctzll(m_ | 1ULL << 63); \
		m_ &= m_ - 1;                                                \
		t_[1] = (base) + (unsigned)__builtin_ctzll(m_ | 1ULL << 63); \
		m_ &= m_ - 1;                                                \
		t_[2] = (base) + (unsigned)__builtin_ctzll(m_ | 1ULL << 63); \
		m_ &= m_ - 1;                                                \
		t_[3] = (base) + (unsigned)__builtin_ctzll(m_ | 1ULL << 63); \
		m_ &= m_ - 1;                                                \
		for (t_ += 4; m_ != 0; t_++) {                               \
			*t_ = (base) + (unsigned)__builtin_ctzll(m_);        \
			m_ &= m_ - 1;                                        \
		}                                                            \
		(tp) += c_;                                                  \
	} while (0)

__attribute__((target("avx2,popcnt,bmi"))) static inline uint64_t
eq64(__m256i a, __m256i b, __m256i c)
{
	return (uint64_t)(unsigned)_mm256_movemask_epi8(
		   _mm256_cmpeq_epi8(a, c)) |
	    (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, c))
	    << 32;
}

/* AVX2: 64 bytes a step, two loads. */
__attribute__((target("avx2,popcnt,bmi"))) static size_t
tabs_avx2(const char *s, size_t n, unsigned *tabs, int *esc)
{
	const __m256i tab = _mm256_set1_epi8('\t');
	const __m256i bs = _mm256_set1_epi8('\\');
	const __m256i cr = _mm256_set1_epi8('\r');
	unsigned *tp = tabs, *lim = tabs + REC_MAX_FIELDS;
	uint64_t e = 0;
	size_t i;

	for (i = 0; i < n && tp <= lim; i += 64) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(s + i + 32));
		uint64_t keep = n - i >= 64 ? ~0ULL : (1ULL << (n - i)) - 1;
		uint64_t mt = eq64(a, b, tab) & keep;
		unsigned base = (unsigned)i;

		e |= (eq64(a, b, bs) | eq64(a, b, cr)) & keep;
		EXTRACT64(mt, base, tp);
	}
	*esc = e != 0;
	return (size_t)(tp - tabs);
}

/*
 * The line at s (avail bytes of the buffer, PAD after them): its end and
 * its TABs (into tabs, *k of them) found in one pass, AVX-512 (BW): the
 * offset of its LF, or -1 when there is none in avail or the pass leaves
 * the line to rd_line_end and find_tabs (too many TABs, a CR before the
 * LF).
 */
#define LINE512(EXTRACT)                                                       \
	do {                                                                   \
		const __m512i tab = _mm512_set1_epi8('\t');                    \
		const __m512i bs = _mm512_set1_epi8('\\');                     \
		const __m512i cr = _mm512_set1_epi8('\r');                     \
		const __m512i lf = _mm512_set1_epi8('\n');                     \
		unsigned *tp = tabs, *lim = tabs + REC_MAX_FIELDS;             \
		uint64_t e = 0;                                                \
		size_t i;                                                      \
                                                                               \
		for (i = 0; i < avail && tp <= lim; i += 64) {                 \
			__m512i v = _mm512_loadu_si512((const void *)(s + i)); \
			uint64_t keep = avail - i >= 64 ?                      \
			    ~0ULL :                                            \
			    (1ULL << (avail - i)) - 1;                         \
			uint64_t nl = _mm512_cmpeq_epi8_mask(v, lf) & keep;    \
			uint64_t mt = _mm512_cmpeq_epi8_mask(v, tab);          \
			uint64_t me = _mm512_cmpeq_epi8_mask(v, bs) |          \
			    _mm512_cmpeq_epi8_mask(v, cr);                     \
			size_t at;                                             \
                                                                               \
			if (nl == 0) {                                         \
				e |= me;                                       \
				EXTRACT(mt, (unsigned)i, tp);                  \
				continue;                                      \
			}                                                      \
			at = i + (size_t)__builtin_ctzll(nl);                  \
			if (at > 0 && s[at - 1] == '\r')                       \
				return -1;                                     \
			nl = (nl & -nl) - 1; /* the bytes before the LF */     \
			mt &= nl;                                              \
			*esc = ((me & nl) | e) != 0;                           \
			EXTRACT(mt, (unsigned)i, tp);                          \
			*k = (size_t)(tp - tabs);                              \
			return *k <= REC_MAX_FIELDS ? (long)at : -1;           \
		}                                                              \
		return -1;                                                     \
	} while (0)

__attribute__((target("avx512f,avx512bw,popcnt,bmi"))) static long
line_avx512(const char *s, size_t avail, unsigned *tabs, size_t *k, int *esc)
{
	LINE512(EXTRACT64);
}

/* The same, the TABs' offsets taken with VBMI2 (rd_extract_vbmi2). */
#define EXTRACT_VBMI2(mt, base, tp) \
	((tp) = rd_extract_vbmi2((mt), (base), (tp)))

RD_VBMI2 static long
line_vbmi2(const char *s, size_t avail, unsigned *tabs, size_t *k, int *esc)
{
	LINE512(EXTRACT_VBMI2);
}
#endif

static size_t
tabs_scalar(const char *s, size_t n, unsigned *tabs, int *esc)
{
	size_t i, k = 0;

	*esc = 0;
	for (i = 0; i < n && k <= REC_MAX_FIELDS; i++) {
		if (s[i] == '\t')
			tabs[k++] = (unsigned)i;
		else if (s[i] == '\\' || s[i] == '\r')
			*esc = 1;
	}
	return k;
}

static size_t (*find_tabs)(const char *, size_t, unsigned *, int *);
static long (*find_line)(const char *, size_t, unsigned *, size_t *, int *);

/*
 * Ready the TSV reader: room for a line's TABs, the way to find them: the
 * best the processor has; $ZHILI_TSV_SCAN (avx512: without VBMI2, avx2,
 * sse2, scalar) picks a lesser one, for the tests (lib/README).
 */
void
rd_tsv_init(struct rd *r)
{
	const char *e = getenv("ZHILI_TSV_SCAN");

	r->tabs = xmalloc(TABS_CAP * sizeof *r->tabs);
	if (find_tabs != NULL)
		return;
	find_tabs = tabs_scalar;
	if (e != NULL && strcmp(e, "scalar") == 0)
		return;
#ifdef HAVE_SSE2
	__builtin_cpu_init();
	find_tabs = tabs_sse2;
	if (e != NULL && strcmp(e, "sse2") == 0)
		return;
	if (__builtin_cpu_supports("avx2"))
		find_tabs = tabs_avx2;
	if (__builtin_cpu_supports("avx512bw") &&
	    (e == NULL || strcmp(e, "avx2") != 0))
		find_line = line_avx512; /* the lines it leaves: find_tabs */
	if (find_line != NULL && __builtin_cpu_supports("avx512vbmi2") &&
	    __builtin_cpu_supports("bmi2") && e == NULL)
		find_line = line_vbmi2;
#endif
}

/* Make fields of the TSV line [s, s+n) with k TABs in r->tabs. */
static int
make_fields(struct rd *r, const char *s, size_t n, size_t k, int esc)
{
	size_t i, start = 0;

	if (k >= REC_MAX_FIELDS)
		return rd_bad(r, WHY_FIELDS, 0);
	if (r->capff < k + 1) {
		r->capff = k + 64;
		r->ff = xreallocarray(r->ff, r->capff, sizeof *r->ff);
	}
	for (i = 0; i < k; i++) {
		r->ff[i].p = s + start;
		r->ff[i].n = r->tabs[i] - start;
		start = r->tabs[i] + 1;
	}
	r->ff[k].p = s + start;
	r->ff[k].n = n - start;
	r->fnf_rec = k + 1;
	if (n > REC_MAX_FIELD)
		for (i = 0; i < r->fnf_rec; i++)
			if (r->ff[i].n > REC_MAX_FIELD)
				return rd_bad(r, WHY_FIELD, i + 1);
	r->escaped = esc;
	if (esc) {
		if (r->ccap < 2 * r->fnf_rec) {
			r->ccap = 2 * r->fnf_rec;
			r->coff = xreallocarray(r->coff, r->ccap,
			    sizeof *r->coff);
		}
		unescape(r);
	}
	return RD_OK;
}

/*
 * Split the TSV line [s, s+n) into r->ff (the PAD bytes after it may be
 * read).
 */
int
rd_split_tsv(struct rd *r, const char *s, size_t n)
{
	int esc;
	size_t k = find_tabs(s, n, r->tabs, &esc);

	return make_fields(r, s, n, k, esc);
}

int
rd_next_tsv(struct rd *r)
{
	for (;;) {
		long long e;
		long at;
		int nl = 0, esc;
		size_t n, k;

		r->rs = r->pos;
		if (find_line != NULL &&
		    (at = find_line(r->buf + r->pos, r->end - r->pos, r->tabs,
			 &k, &esc)) >= 0) { /* as below, in one pass */
			r->rline = r->line;
			r->re = r->pos + (size_t)at;
			r->pos += (size_t)at + 1;
			r->line++;
			if (at == 0 && !rd_bad_before(r, r->rs))
				continue;
			return make_fields(r, r->buf + r->rs, (size_t)at, k,
			    esc);
		}
		e = rd_line_end(r, &nl);
		if (e == -1)
			return RD_EOF;
		r->rline = r->line;
		if (e == -2) {
			r->re = r->rs;
			rd_skip_line(r);
			return rd_bad(r, WHY_RECORD, 0);
		}
		r->rs = r->pos;
		n = (size_t)e - r->pos;
		if (n > 0 && r->buf[r->pos + n - 1] == '\r')
			n--;
		r->re = r->pos + n;
		r->pos = (size_t)e + (size_t)nl;
		r->line++;
		if (n == 0 && !rd_bad_before(r, (size_t)e))
			continue; /* a blank line */
		return rd_split_tsv(r, r->buf + r->rs, n);
	}
}
