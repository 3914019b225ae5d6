/* grid-import: its values in Chinese under --zh (zhili(7), VALUES UNDER
 * --zh): the levels and the problems of a --check sheet. */
#include <stddef.h>

#include "lib/cli.h"

static const struct cli_term terms[] = {
	{ "street", "街道" },
	{ "community", "社区" },
	{ "grid", "网格" },
	{ "compound", "小区" },
	{ "building", "楼栋" },
	{ "household", "住户" },
	{ "an invalid phone number", "电话号码无效" },
	{ "an invalid identity number (not 18 characters)",
	    "身份证号无效（不是18位）" },
	{ "an identity number of the old 15-digit form", "身份证号为旧的15位" },
	{ "an invalid identity number (not digits)",
	    "身份证号无效（前17位不全是数字）" },
	{ "an invalid identity number (date of birth)",
	    "身份证号无效（出生日期不对）" },
	{ "an invalid identity number (check character)",
	    "身份证号无效（校验码不对）" },
	{ "a grid without a leader", "网格没有网格长" },
	{ "a grid without a party organisation", "网格没有党组织" },
	{ "a building without an offline leader", "楼栋没有线下楼长" },
	{ "a building without an online leader", "楼栋没有网络楼长" },
	{ "one person holds more posts than max-posts",
	    "一人兼任职务数超过上限" },
	{ "a street not in the division table", "街道不在区划表中" },
	{ "a community not in the division table", "社区不在区划表中" },
	{ "a community under another street", "社区属于另一个街道" },
	{ "the same code as another unit", "编码与另一单位相同" },
	{ "the same building twice", "同一楼栋出现两次" },
	{ "two values", "两个不同的值" },
	{ "households: not a count", "户数：不是整数" },
	{ "residents: not a count", "人口：不是整数" },
	{ NULL, NULL },
};
CLI_TERMS(terms)
