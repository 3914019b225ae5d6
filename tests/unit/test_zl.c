/*
 * Unit tests of lib/zl.c: xhuge's memory (2 MiB-aligned, whole huge pages
 * asked for on Linux); str_fold.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/zl.h"
#include "tests/unit/t.h"

/*
 * The mapping of /proc/self/smaps that holds address a: its end, and
 * whether it is marked for huge pages (VmFlags hg).  0: not known.
 */
static int
smaps_of(uintptr_t a, uintptr_t *end, int *hg)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int in = 0, found = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 &&
		    strchr(line, '-') < strchr(line, ' ')) {
			in = a >= lo && a < hi;
			if (in)
				*end = hi;
		} else if (in && strncmp(line, "VmFlags:", 8) == 0) {
			*hg = strstr(line, " hg") != NULL;
			found = 1;
			break;
		}
	}
	fclose(f);
	return found;
}

static void
test_xhuge(void)
{
	static const size_t sizes[] = { 1, 4096, 2u << 20, (4u << 20) + 4,
		(6u << 20) - 1 };
	size_t i;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t n = sizes[i],
		       whole = (n + (2u << 20) - 1) & ~(size_t)((2u << 20) - 1);
		char *p = xhuge(n);
		uintptr_t end = 0;
		int hg = 0;

		T_INT((uintptr_t)p % (2u << 20), 0);
		memset(p, 'x', n);
		T_INT(p[n - 1], 'x');
#ifdef MADV_HUGEPAGE
		/* the whole huge pages of p are marked, not a part */
		if (smaps_of((uintptr_t)p + whole - 1, &end, &hg)) {
			T_INT(hg, 1);
			T_OK(end >= (uintptr_t)p + whole);
		}
#endif
		free(p);
	}
}

/* s folded is want, with nfolded full-width characters folded. */
static void
fold_is(const char *s, const char *want, size_t nfolded)
{
	struct buf b = { 0 };
	size_t n = 99;
	struct str f = str_fold(str_c(s), &b, &n);

	T_INT(f.n, strlen(want));
	T_OK(memcmp(f.p, want, f.n) == 0);
	T_INT(n, nfolded);
	buf_free(&b);
}

static void
test_fold(void)
{
	fold_is("", "", 0);
	fold_is("DY0000001", "DY0000001", 0);
	fold_is("承德滦河钢铁有限公司", "承德滦河钢铁有限公司", 0);
	/* full-width forms and the ideographic space, after Chinese text,
	 * first, last, and at the very end (no room for one: kept) */
	fold_is("承德滦河钢铁有限公司ＡＢ１", "承德滦河钢铁有限公司AB1", 3);
	fold_is("　双滦区第三小学　", " 双滦区第三小学 ", 2);
	fold_is("区教育局（西）", "区教育局(西)", 2);
	fold_is("ＤＹ　０１", "DY 01", 5);
	fold_is("a\xEF\xBC", "a\xEF\xBC", 0);
	fold_is("承德\xE3\x80", "承德\xE3\x80", 0);
	fold_is("承德\xE3\x81\x81ａ",
	    "承德\xE3\x81\x81"
	    "a",
	    1);
}

int
main(void)
{
	zl_init("test_zl");
	test_xhuge();
	test_fold();
	return t_done();
}
