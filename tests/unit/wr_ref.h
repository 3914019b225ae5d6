/*
 * wr_ref.h: byte-by-byte references for the writers' escaping, written
 * from the rules (RFC 4180 quoting as csv_quote documents it; JSON's
 * escapes as the writer has them), for tests/unit/test_wr.c and
 * tests/fuzz/fuzz_wr.c.
 */
#ifndef WR_REF_H
#define WR_REF_H

#include "lib/zl.h"

static inline void
ref_csv(struct buf *b, const char *s, size_t n)
{
	int q = n > 0 &&
	    (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
		s[n - 1] == '\t');
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			q = 1;
	if (q)
		buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		buf_addc(b, s[i]);
		if (q && s[i] == '"')
			buf_addc(b, '"');
	}
	if (q)
		buf_addc(b, '"');
}

static inline void
ref_json(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
}

#endif
