/*
 * fuzz_cs: libFuzzer target for case-stats's record parsing.
 * fuzz-with: cmd/case-stats
 *
 * The first byte chooses what is fuzzed and how; the rest is lines of
 * TAB-separated fields:
 *   - records (bit 3 clear): the fields of case-stats's input in the order
 *     of F_* (case_id, reported_at, closed_at, status, category,
 *     description, street, community, grid_id, channel, satisfaction,
 *     deadline, updated_at), each taken as a case (status words, dates,
 *     deadlines and time limits such as 5个工作日 or 24小时); bit 0: each
 *     case's deadline wanted, bits 1-2: --classify, bit 4: --as-of in
 *     2024 (else the last second of 9999); the cases taken are
 *     de-duplicated as case-stats does and counted;
 *   - partial rows (bit 3 set): the fields of --partial in the order of
 *     P_*, each checked as --merge does, those accepted added up.
 * Lines that are not valid UTF-8 are skipped (the readers never give such
 * fields).  Invariants (a broken one aborts): no crash or undefined behaviour;
 * a record is either taken or rejected with a message (or reported after
 * --as-of); a case taken is whole (an id, its state, closed not before
 * reported); de-duplication keeps one case per id; the figures of the
 * cases, and of the partial rows accepted, are in range and present
 * where they must be (finite).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/case-stats/case-stats.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/stats.h"
#include "lib/utf8.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* case-stats's options (main.c's own, not linked here) */
struct opts opt = { .dedupe = 1, .top = -1, .as_of = NO_TIME };

static void
setup(void)
{
	static int done;
	size_t i;

	if (done)
		return;
	done = 1;
	zl_init("case-stats");
	cfg_declare(&case_stats_section);
	cfg_setup(NULL);
	conf_load();
	for (i = 0; i < F_N; i++)
		case_col[i] = (long)i;
	groups_init();
	group_of(NULL); /* the one group: no --by */
}

/* Is p..end valid UTF-8, as every field the readers give is? */
static int
text(const char *p, const char *end)
{
	return u8_valid(p, (size_t)(end - p)) == (size_t)(end - p);
}

/* Line p..end as a record of nf fields (missing ones empty) into r. */
static void
split(struct rec *r, struct str *f, size_t nf, const char *p, const char *end)
{
	size_t i;

	r->raw = (struct str) { p, (size_t)(end - p) };
	for (i = 0; i < nf; i++) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *e = tab != NULL ? tab : end;

		f[i] = (struct str) { p, (size_t)(e - p) };
		p = tab != NULL ? tab + 1 : end;
	}
	r->f = f;
	r->nf = nf;
}

/* The metrics of a: in range, and present where they must be. */
static void
check_metrics(struct acc *a)
{
	struct val m[M_N];
	uint64_t total = a->n[0] + a->n[1] + a->n[2] + a->n[3];
	size_t i;

	metrics_of(a, m);
	for (i = 0; i < M_N; i++)
		fuzz_check(!m[i].ok || m[i].v >= 0);
	fuzz_check(m[M_TOTAL].ok && (uint64_t)m[M_TOTAL].v == total);
	fuzz_check(!m[M_RESOLUTION].ok || m[M_RESOLUTION].v <= 10000);
	fuzz_check(!m[M_ON_TIME_PCT].ok || m[M_ON_TIME_PCT].v <= 10000);
	fuzz_check(!m[M_SAT_PCT].ok || m[M_SAT_PCT].v <= 10000);
	fuzz_check(m[M_CLOSED_LATE].v <= m[M_WITH_DEADLINE].v);
	if (a->hours_n == 0)
		return;
	fuzz_check(m[M_H_MEAN].ok && m[M_H_MEDIAN].ok && m[M_H_P90].ok &&
	    m[M_H_MAX].ok);
	fuzz_check(m[M_H_MEAN].v <= m[M_H_MAX].v);
	fuzz_check(m[M_H_MEDIAN].v <= m[M_H_P90].v);
	fuzz_check(m[M_H_P90].v <= m[M_H_MAX].v);
}

/* Partial rows, as --merge reads them. */
static void
fuzz_partial(const char *p, const char *end)
{
	static const long col[P_N] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
		12 };
	struct acc one, *a = &one, all;
	struct str f[P_N];
	struct rec r = { 0 };
	struct prow w;

	memset(&one, 0, sizeof one);
	memset(&all, 0, sizeof all);
	r.file = "fuzz";
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl != NULL ? nl : end;
		unsigned long long before = rej_count();
		int ok;

		r.line++;
		if (!text(p, e)) {
			p = e + (nl != NULL);
			continue;
		}
		split(&r, f, P_N, p, e);
		ok = partial_take(&r, col, &w);
		if (ok && !partial_fits(&r, &all, &w)) {
			hist_free(w.h);
			ok = 0;
		}
		if (ok)
			partial_add(a, &w, w.h);
		fuzz_check(rej_count() == before + !ok);
		p = e + (nl != NULL);
	}
	check_metrics(a);
	free(one.dur);
	hist_free(one.hist);
}

/* The id of each case taken, once: how many differ. */
static size_t
distinct(struct buf *ids, size_t n)
{
	size_t i, j, k = 0, off = 0, *at = calloc(n + 1, sizeof *at);
	const char *s = ids->p;

	fuzz_check(at != NULL);
	for (i = 0; i < n; i++) {
		at[i] = off;
		off += strlen(s + off) + 1;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && strcmp(s + at[i], s + at[j]) != 0; j++)
			;
		k += j == i;
	}
	free(at);
	return k;
}

/* A case taken: whole. */
static void
check_case(const struct kase *k)
{
	fuzz_check(k->id.n > 0 && k->state < ST_N);
	fuzz_check(k->reported != NO_TIME && k->reported <= opt.as_of);
	if (k->state == ST_CLOSED)
		fuzz_check(k->closed != NO_TIME && k->closed >= k->reported &&
		    k->closed - k->reported <= (long long)UINT32_MAX);
	fuzz_check(k->due == NO_TIME || k->due <= 253402300799LL);
}

/* Records, as case-stats takes them, de-duplicated and counted. */
static void
fuzz_records(const char *p, const char *end)
{
	struct parser ps = { .need_due = 1 };
	struct buf ids = { 0 };
	struct acc *a;
	struct str f[F_N];
	struct rec r = { 0 };
	struct kase k;
	struct ccase c;
	unsigned long long merged = cases_merged();
	size_t taken = 0;

	acc_reset();
	r.file = "fuzz";
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl != NULL ? nl : end;
		unsigned long long before = rej_count();

		r.line++;
		if (!text(p, e)) {
			p = e + (nl != NULL);
			continue;
		}
		split(&r, f, F_N, p, e);
		ps.need_due = opt.mode == MODE_PARTIAL;
		if (case_take(&ps, &r, &k)) {
			fuzz_check(rej_count() == before);
			check_case(&k);
			if (k.id.n < 200 && memchr(k.id.p, 0, k.id.n) == NULL) {
				buf_add(&ids, k.id.p, k.id.n);
				buf_addc(&ids, '\0');
				ccase_of(&c, &k, 0); /* the one group */
				cases_put(&c, NULL, 0);
				taken++;
			}
		} else
			/* rejected, or reported after --as-of */
			fuzz_check(rej_count() == before + 1 ||
			    (rej_count() == before && k.reported > opt.as_of));
		p = e + (nl != NULL);
	}
	status_advice();
	parser_free(&ps);
	cases_finish();
	acc_finish();
	a = &group_at(0)->acc;
	/* one case an id, the others merged */
	fuzz_check(
	    a->n[0] + a->n[1] + a->n[2] + a->n[3] == distinct(&ids, taken));
	fuzz_check(cases_merged() - merged == taken - distinct(&ids, taken));
	buf_free(&ids);
	check_metrics(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1,
		   *end = (const char *)data + size;
	int sel;

	if (size < 1)
		return 0;
	setup();
	sel = data[0];
	opt.classify = (enum classify)(sel >> 1 & 3) % 3;
	opt.as_of = sel & 16 ?
	    date_days(2024, 3, 12) * DAY_SECS :
	    date_days(9999, 12, 31) * DAY_SECS + DAY_SECS - 1;
	if (sel & 8) {
		opt.mode = MODE_MERGE;
		fuzz_partial(p, end);
	} else {
		/* bit 0: the deadlines wanted (as with --partial) */
		opt.mode = sel & 1 ? MODE_PARTIAL : MODE_STATS;
		fuzz_records(p, end);
	}
	return 0;
}
