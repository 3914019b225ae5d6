/*
 * grid-import: the fields of the roster sheets, of the units it writes,
 * and of --summary and --check, with their Chinese titles (what --zh
 * writes; the sheets' own headers) and aliases.  grid-import(1) lists
 * them under FIELDS.
 */
#include "lib/fld.h"

static const struct fld grid_fields[] = {
	/* the roster sheets */
	{ "street", "街道", "", 0 },
	{ "community", "社区", "", 0 },
	{ "grid_id", "网格编号", "网格", 0 },
	{ "grid_name", "网格名称", "", 0 },
	{ "grid_leader", "网格长", "", 0 },
	{ "grid_leader_phone", "网格长电话", "", 0 },
	{ "grid_party_org", "网格党支部", "党组织名称", 0 },
	{ "compound", "小区", "", 0 },
	{ "building", "楼栋", "楼号", 0 },
	{ "building_party_group", "楼栋党小组", "", 0 },
	{ "offline_leader", "线下楼长", "", 0 },
	{ "offline_leader_phone", "线下楼长电话", "", 0 },
	{ "online_leader", "网络楼长", "", 0 },
	{ "online_leader_phone", "网络楼长电话", "", 0 },
	{ "party_household", "党员中心户", "", 0 },
	{ "households", "户数", "", 1 },
	{ "residents", "人口", "人数", 1 },
	{ "owners_committee", "业委会", "", 0 },
	{ "property_company", "物业公司", "物业企业", 0 },
	{ "has_staff", "有人", "", 0 },
	{ "has_rules", "有制度", "", 0 },
	{ "has_funding", "有保障", "", 0 },
	{ "has_incentives", "有奖惩", "", 0 },
	{ "id_number", "身份证号", "", 0 },
	/* the units of the grid organisation */
	{ "level", "层级", "", 0 },
	{ "code", "编码", "", 0 },
	{ "name", "名称", "", 0 },
	{ "parent", "上级", "", 0 },
	{ "path", "路径", "", 0 },
	{ "leader", "负责人", "", 0 },
	{ "leader_phone", "负责人电话", "", 0 },
	{ "party_org", "党组织", "", 0 },
	/* --summary */
	{ "grids", "网格数", "", 1 },
	{ "grid_party_branches", "网格党支部数", "", 1 },
	{ "compounds", "小区数", "", 1 },
	{ "buildings", "楼栋数", "", 1 },
	{ "building_party_groups", "楼栋党小组数", "", 1 },
	{ "party_households", "党员中心户数", "", 1 },
	{ "offline_leaders", "线下楼长数", "", 1 },
	{ "online_leaders", "网络楼长数", "", 1 },
	{ "owners_committees", "业委会数", "", 1 },
	{ "four_haves", "四有网格数", "", 1 },
	{ "four_haves_pct", "四有达标率(%)", "", 1 },
	/* --check */
	{ "file", "文件", "", 0 },
	{ "line", "行", "", 1 },
	{ "problem", "问题", "", 0 },
	{ "value", "值", "", 0 },
	{ NULL, NULL, NULL, 0 },
};

FLD_DECLARE(grid_fields)
