/* case-stats: its values in Chinese under --zh (zhili(7), VALUES UNDER
 * --zh): the state --records writes, in the words of the metrics. */
#include <stddef.h>

#include "lib/cli.h"

static const struct cli_term terms[] = {
	{ "open", "在办" },
	{ "returned", "退回" },
	{ "closed", "已办结" },
	{ "cancelled", "已作废" },
	{ NULL, NULL },
};
CLI_TERMS(terms)
