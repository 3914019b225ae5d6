/*
 * case-stats: the fields of the case platform's exports, with their
 * Chinese titles (what --zh writes) and the aliases the exports use.
 * case-stats(1) lists them under FIELDS.
 */
#include "lib/fld.h"

static const struct fld case_fields[] = {
	{ "case_id", "事件编号", "工单编号|案件编号", 0 },
	{ "reported_at", "上报时间", "受理时间|登记时间", 0 },
	{ "closed_at", "办结时间", "结案时间", 0 },
	{ "status", "状态", "办理状态", 0 },
	{ "category", "事件类型", "问题类型|类别", 0 },
	{ "description", "事件描述", "问题描述|诉求内容", 0 },
	{ "street", "街道", "", 0 },
	{ "community", "社区", "", 0 },
	{ "grid_id", "网格编号", "网格", 0 },
	{ "channel", "来源", "渠道", 0 },
	{ "satisfaction", "满意度", "评价", 0 },
	{ "deadline", "办理时限", "截止时间", 0 },
	{ "updated_at", "更新时间", "", 0 },
	{ NULL, NULL, NULL, 0 },
};

FLD_DECLARE(case_fields)
