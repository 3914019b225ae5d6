/*
 * grid-import: checking phone numbers (the PCRE2 patterns of the
 * configuration) and resident identity numbers (GB 11643-1999: 18
 * characters, a valid date of birth, the ISO 7064 MOD 11-2 check
 * character), and masking them (--mask).
 */
#include <stdio.h>
#include <string.h>

#include "cmd/grid-import/grid-import.h"
#include "lib/cfg.h"
#include "lib/date.h"
#include "lib/rx.h"

static struct rx **phones;
static size_t nphones;

void
check_conf(void)
{
	const struct cfg *p = cfg_seq(cfg_root(), "grid-import.phones");
	size_t i;

	if (p == NULL)
		return;
	phones = xcalloc(p->len + 1, sizeof *phones);
	for (i = 0; i < p->len; i++)
		phones[nphones++] = rx_compile_cfg(p->v[i], 0);
}

const char *
check_phone(struct str v)
{
	char d[64];
	size_t i, n = 0;

	for (i = 0; i < v.n; i++) {
		if (v.p[i] == ' ' || v.p[i] == '-')
			continue;
		if (n + 1 >= sizeof d)
			return _("an invalid phone number");
		d[n++] = v.p[i];
	}
	for (i = 0; i < nphones; i++)
		if (rx_match(phones[i], d, n) == 1)
			return NULL;
	return _("an invalid phone number");
}

const char *
check_id(struct str v)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9,
		10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	int i, sum = 0, y, m, d;
	char c;

	if (v.n == 15) {
		for (i = 0; i < 15; i++)
			if (v.p[i] < '0' || v.p[i] > '9')
				return _("an invalid identity number (not 18 "
					 "characters)");
		return _("an identity number of the old 15-digit form");
	}
	if (v.n != 18)
		return _("an invalid identity number (not 18 characters)");
	for (i = 0; i < 17; i++) {
		if (v.p[i] < '0' || v.p[i] > '9')
			return _("an invalid identity number (not digits)");
		sum += (v.p[i] - '0') * weight[i];
	}
	y = (v.p[6] - '0') * 1000 + (v.p[7] - '0') * 100 + (v.p[8] - '0') * 10 +
	    (v.p[9] - '0');
	m = (v.p[10] - '0') * 10 + (v.p[11] - '0');
	d = (v.p[12] - '0') * 10 + (v.p[13] - '0');
	if (y < 1900 || !date_valid(y, m, d))
		return _("an invalid identity number (date of birth)");
	c = v.p[17] == 'x' ? 'X' : v.p[17];
	if (c != check[sum % 11])
		return _("an invalid identity number (check character)");
	return NULL;
}

/*
 * Keep the first 6 (identity numbers) or 3 (phones) characters and the
 * last 4, each other character an asterisk; too short to keep both ends:
 * only the last 4, or nothing.  Characters, not bytes: 转 is one.
 */
const char *
mask(struct str v, int is_id, char *buf, size_t size)
{
	size_t head = is_id ? 6 : 3, tail = 4, chars = 0, i, c, o = 0;

	for (i = 0; i < v.n; i++)
		if (((unsigned char)v.p[i] & 0xC0) != 0x80)
			chars++;
	if (chars <= head + tail) {
		head = 0;
		tail = chars > 4 ? 4 : 0;
	}
	for (i = 0, c = 0; i < v.n; c++) {
		size_t k = 1;

		while (i + k < v.n && ((unsigned char)v.p[i + k] & 0xC0) == 0x80)
			k++;
		if (c < head || c >= chars - tail) {
			if (o + k + 1 > size)
				break;
			memcpy(buf + o, v.p + i, k);
			o += k;
		} else {
			if (o + 2 > size)
				break;
			buf[o++] = '*';
		}
		i += k;
	}
	buf[o] = '\0';
	return buf;
}
