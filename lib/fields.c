/*
 * fields: the fields the toolkit knows, with their Chinese titles (what
 * --zh writes) and the built-in aliases district spreadsheets use.  Each
 * program's man page lists its fields from here.  The configuration's
 * aliases: section adds more.
 */
#include "lib/fld.h"

const struct fld fld_table[] = {
	/* case-stats: the case platform's exports */
	{ "case_id", "事件编号", "工单编号|案件编号" },
	{ "reported_at", "上报时间", "受理时间|登记时间" },
	{ "closed_at", "办结时间", "结案时间" },
	{ "status", "状态", "办理状态" },
	{ "category", "事件类型", "问题类型|类别" },
	{ "description", "事件描述", "问题描述|诉求内容" },
	{ "street", "街道", "" },
	{ "community", "社区", "" },
	{ "grid_id", "网格编号", "网格" },
	{ "channel", "来源", "渠道" },
	{ "satisfaction", "满意度", "评价" },
	{ "deadline", "办理时限", "截止时间" },
	{ "updated_at", "更新时间", "" },
	/* grid-import: the roster sheets */
	{ "grid_name", "网格名称", "" },
	{ "grid_leader", "网格长", "" },
	{ "grid_leader_phone", "网格长电话", "" },
	{ "grid_party_org", "网格党支部", "党组织名称" },
	{ "compound", "小区", "" },
	{ "building", "楼栋", "楼号" },
	{ "building_party_group", "楼栋党小组", "" },
	{ "offline_leader", "线下楼长", "" },
	{ "offline_leader_phone", "线下楼长电话", "" },
	{ "online_leader", "网络楼长", "" },
	{ "online_leader_phone", "网络楼长电话", "" },
	{ "party_household", "党员中心户", "" },
	{ "households", "户数", "" },
	{ "residents", "人口", "人数" },
	{ "owners_committee", "业委会", "" },
	{ "property_company", "物业公司", "物业企业" },
	{ "has_staff", "有人", "" },
	{ "has_rules", "有制度", "" },
	{ "has_funding", "有保障", "" },
	{ "has_incentives", "有奖惩", "" },
	{ "id_number", "身份证号", "" },
	/* units of the grid organisation (grid-import output) */
	{ "level", "层级", "" },
	{ "code", "编码", "" },
	{ "name", "名称", "" },
	{ "parent", "上级", "" },
	{ "path", "路径", "" },
	{ "leader", "负责人", "" },
	{ "leader_phone", "负责人电话", "" },
	{ "party_org", "党组织", "" },
	/* grid-import --summary and --check */
	{ "grids", "网格数", "" },
	{ "grid_party_branches", "网格党支部数", "" },
	{ "compounds", "小区数", "" },
	{ "buildings", "楼栋数", "" },
	{ "building_party_groups", "楼栋党小组数", "" },
	{ "party_households", "党员中心户数", "" },
	{ "offline_leaders", "线下楼长数", "" },
	{ "online_leaders", "网络楼长数", "" },
	{ "owners_committees", "业委会数", "" },
	{ "four_haves", "四有网格数", "" },
	{ "four_haves_pct", "四有达标率(%)", "" },
	{ "file", "文件", "" },
	{ "line", "行", "" },
	{ "problem", "问题", "" },
	{ "value", "值", "" },
};

const size_t fld_ntable = sizeof fld_table / sizeof fld_table[0];
