/*
 * The monthly report's figures in reporting.ReportFigure's order, with their Chinese names: the report's
 * JSON names them by the enum only. Shared by the workbench's report page and the operators' page.
 */
'use strict';
window.REPORT_FIGURES = [
  ['TENDERS_REGISTERED', '登记标段数'], ['SCOPE_CROSS_PROVINCE', '其中：跨省远程异地评标'],
  ['SCOPE_INTRA_PROVINCE', '其中：省内跨区域远程异地评标'], ['SCOPE_EXEMPT', '其中：不实行远程异地评标'],
  ['CATEGORY_CONSTRUCTION', '其中：施工'], ['CATEGORY_GOODS', '其中：货物'], ['CATEGORY_SERVICES', '其中：服务'],
  ['CATEGORY_EPC', '其中：工程总承包'], ['NOT_IN_ROLLOUT', '未纳入省内推广范围'], ['VENUE_DRAWS', '副场随机抽取次数'],
  ['VENUE_DRAWS_NEGOTIATED', '其中：转为协商确定副场'], ['EXPERT_DRAWS', '专家随机抽取次数'],
  ['SUPPLEMENTARY_EXPERT_DRAWS', '专家补抽次数'], ['EVALUATIONS_AS_MAIN', '作为主场完成评标'],
  ['EVALUATIONS_AS_SUB', '作为副场完成评标'], ['HANDOVERS_ON_TIME', '音视频资料按时移交'],
  ['HANDOVERS_LATE', '音视频资料逾期移交'], ['CLUES_PASSED_ON', '移送违法违规线索'],
  ['EXEMPTION_EXPLANATIONS_FILED', '提交书面说明'], ['EXEMPTION_EXPLANATIONS_OVERDUE', '书面说明逾期未提交'],
  ['CROSS_PROVINCE_SENT', '跨省评标（本省主场）'], ['CROSS_PROVINCE_HOSTED', '跨省评标（本省副场）']
];
