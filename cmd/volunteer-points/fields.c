/*
 * volunteer-points: the fields of the volunteer system's exports (service
 * records and redemptions) and of its reports, with their Chinese titles
 * (what --zh writes) and the aliases the exports use.  volunteer-points(1)
 * lists them under FIELDS.  The volunteer's name is volunteer_name, not
 * name: grid-import's name is a unit's (名称); a column headed name is
 * read as volunteer_name (input.c).
 */
#include "lib/fld.h"

static const struct fld volunteer_fields[] = {
	{ "volunteer_id", "志愿者编号", "编号|志愿者ID", 0 },
	{ "volunteer_name", "姓名", "志愿者姓名", 0 },
	{ "team", "志愿服务队", "队伍|服务队|志愿队", 0 },
	{ "project", "服务项目", "项目|项目名称", 0 },
	{ "date", "日期", "服务日期|兑换日期|服务时间|兑换时间", 0 },
	{ "hours", "服务时长", "时长|小时数", 1 },
	{ "kind", "服务类型", "类型|服务类别", 0 },
	{ "verified", "审核状态", "是否审核|审核", 0 },
	{ "points", "兑换积分", "积分", 1 },
	{ "item", "兑换物品", "物品|商品|兑换商品", 0 },
	/* the reports' */
	{ "earned", "获得积分", "", 1 },
	{ "redeemed", "已兑换积分", "", 1 },
	{ "expired", "已过期积分", "", 1 },
	{ "balance", "积分余额", "", 1 },
	{ "star", "星级", "", 1 },
	{ "unverified_hours", "未审核时长", "", 1 },
	{ "event", "事项", "", 0 },
	{ "what", "内容", "", 0 },
	{ "change", "积分变动", "", 1 },
	{ "volunteers", "志愿者人数", "", 1 },
	{ "active", "活跃人数", "", 1 },
	{ "projects", "服务项目数", "", 1 },
	{ "services", "服务次数", "", 1 },
	{ "rank", "名次", "", 1 },
	{ "stars_0", "无星级", "", 1 },
	{ "stars_1", "一星级", "", 1 },
	{ "stars_2", "二星级", "", 1 },
	{ "stars_3", "三星级", "", 1 },
	{ "stars_4", "四星级", "", 1 },
	{ "stars_5", "五星级", "", 1 },
	{ NULL, NULL, NULL, 0 },
};

FLD_DECLARE(volunteer_fields)
