/* volunteer-points: its values in Chinese under --zh (zhili(7), Values
 * under --zh): the ledger's events, in the words of the balance's titles
 * (获得积分, 已兑换积分, 已过期积分). */
#include <stddef.h>

#include "lib/cli.h"

static const struct cli_term terms[] = {
	{ "earn", "获得" },
	{ "redeem", "兑换" },
	{ "expire", "过期" },
	{ NULL, NULL },
};
CLI_TERMS(terms)
