# The payslip's Chinese titles (--zh), and the roster read under Chinese
# headers: 工号, 姓名 (volunteer-points's title, read as worker_name), 社区,
# 岗位, 等级, 月份, 绩效, 专项附加扣除.
worker-salary --zh data/zh.csv | tr '\t' '\n'
