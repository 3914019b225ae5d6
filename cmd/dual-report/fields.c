/*
 * dual-report: the fields of the dual-reporting records (双报到: the
 * members, the work units and their activities) and of its reports, with
 * their Chinese titles (what --zh writes) and the aliases the sheets use.
 * dual-report(1) lists them under FIELDS.
 *
 * Names other programs declare keep their titles (lib/fld: a name, title
 * or alias names one field): community 社区, street 街道, date 日期, hours
 * 服务时长, month 月份, active 活跃人数, projects 服务项目数 (共建项目数
 * read as it).  The member's name is member_name, titled 党员姓名: 姓名
 * is volunteer_name's title, and a column headed 姓名 or name is read as
 * member_name (input.c); 编号 is volunteer_id's alias, not member_id's.
 */
#include "lib/fld.h"

static const struct fld dual_fields[] = {
	{ "member_id", "党员编号", "党员ID", 0 },
	{ "member_name", "党员姓名", "", 0 },
	{ "unit", "工作单位", "所在单位|单位名称|单位|工作单位名称", 0 },
	{ "community", "社区", "报到社区|居住社区|所在社区|服务社区|共建社区",
	    0 },
	{ "street", "街道", "所属街道", 0 },
	{ "registered_at", "报到时间", "报到日期|单位报到时间", 0 },
	{ "listed_at", "入册时间", "列入名册时间|加入名册时间", 0 },
	{ "phone", "联系电话", "电话|手机|手机号|手机号码", 0 },
	{ "projects", "服务项目数", "共建项目数|项目数", 1 },
	{ "date", "日期", "服务日期|活动日期", 0 },
	{ "activity", "服务内容", "活动名称|活动内容", 0 },
	{ "hours", "服务时长", "时长", 1 },
	{ "solved", "解决问题数", "办实事数|解决问题", 1 },
	/* the reports' */
	{ "month", "月份", "", 0 },
	{ "members", "党员数", "", 1 },
	{ "registered", "已报到", "", 1 },
	{ "registration_pct", "报到率(%)", "", 1 },
	{ "overdue", "逾期未报到", "", 1 },
	{ "active", "活跃人数", "", 1 },
	{ "participation_pct", "参与率(%)", "", 1 },
	{ "activities", "活动次数", "", 1 },
	{ "early", "报到前活动", "", 1 },
	{ "units", "共建单位", "", 1 },
	{ "meets_minimum", "是否达标", "", 0 },
	{ NULL, NULL, NULL, 0 },
};

FLD_DECLARE(dual_fields)
