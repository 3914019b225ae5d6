/*
 * worker-salary: the fields of the roster, of the monthly items and of
 * the payslips and summary, with their Chinese titles (what --zh writes)
 * and the aliases district pay sheets use.  worker-salary(1) lists them
 * under FIELDS.  Names other programs hold are not taken again: the
 * worker's name is worker_name (a header name or 姓名 is read as it,
 * input.c), the level is pay_level (grid-import's level is a unit's
 * 层级; a header level is read as it), and 编号, volunteer_id's alias,
 * is not worker_id's.
 */
#include "lib/fld.h"

static const struct fld worker_fields[] = {
	/* the roster */
	{ "worker_id", "工号", "职工编号|人员编号", 0 },
	{ "worker_name", "职工姓名", "", 0 },
	{ "post", "岗位", "岗位类别|职务", 0 },
	{ "pay_level", "薪级", "等级|级别", 1 },
	{ "hired_at", "入职时间", "入职日期", 0 },
	{ "education", "学历", "", 0 },
	{ "certificate", "职业资格", "职业资格证书", 0 },
	{ "certified_at", "取得时间", "资格取得时间", 0 },
	{ "years_passed", "考核合格年数", "合格年数", 1 },
	{ "base_pay", "岗位薪级工资", "基本工资", 1 },
	{ "contribution_base", "缴费基数", "社保缴费基数", 1 },
	/* the monthly items */
	{ "month", "月份", "工资月份|所属月份", 0 },
	{ "performance", "绩效工资", "绩效", 1 },
	{ "overtime", "加班费", "加班工资", 1 },
	{ "other_pay", "其他应发", "", 1 },
	{ "deduction", "扣款", "", 1 },
	{ "absence_days", "缺勤天数", "", 1 },
	{ "special_additional_deduction", "专项附加扣除", "", 1 },
	/* the payslip */
	{ "allowance", "职业资格津贴", "", 1 },
	{ "gross", "应发工资", "应发合计", 1 },
	{ "pension", "个人养老保险", "", 1 },
	{ "medical", "个人医疗保险", "", 1 },
	{ "unemployment", "个人失业保险", "", 1 },
	{ "housing_fund", "个人住房公积金", "", 1 },
	{ "contributions", "个人缴费合计", "", 1 },
	{ "taxable_ytd", "累计应纳税所得额", "", 1 },
	{ "tax_ytd", "累计已预扣税额", "", 1 },
	{ "tax", "本月预扣税额", "", 1 },
	{ "net", "实发工资", "", 1 },
	{ "employer_pension", "单位养老保险", "", 1 },
	{ "employer_medical", "单位医疗保险", "", 1 },
	{ "employer_unemployment", "单位失业保险", "", 1 },
	{ "employer_work_injury", "单位工伤保险", "", 1 },
	{ "employer_housing_fund", "单位住房公积金", "", 1 },
	{ "employer_cost", "单位用工成本", "", 1 },
	/* --summary */
	{ "headcount", "职工人数", "", 1 },
	{ "gross_total", "应发总额", "", 1 },
	{ "gross_mean", "人均应发", "", 1 },
	{ "net_mean", "人均实发", "", 1 },
	/* --compare */
	{ "months", "月数", "", 1 },
	{ "gross_old", "原标准应发", "", 1 },
	{ "gross_new", "现标准应发", "", 1 },
	{ "ratio", "倍数", "", 1 },
	{ "gross_old_mean", "原标准人均应发", "", 1 },
	{ "gross_new_mean", "现标准人均应发", "", 1 },
	{ NULL, NULL, NULL, 0 },
};

FLD_DECLARE(worker_fields)
