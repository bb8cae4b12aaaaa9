import type { ColumnDef } from "./types";

/** Behaviour table: seed 001's table 2, one row per customer and period. */
export const BEHAVIOUR_COLUMNS: ColumnDef[] = [
  { id: "customerId", label: { zh: "客户编号", en: "Customer ID" }, type: "id", required: true, width: 11, numberFormat: "@", synonyms: ["编号", "客户ID", "ID", "Customer No"] },
  { id: "period", label: { zh: "统计周期", en: "Period" }, type: "period", width: 10, numberFormat: "@", synonyms: ["周期", "期间", "季度", "月份", "Quarter", "Month"] },
  { id: "purchases", label: { zh: "购买频次", en: "Purchases" }, type: "whole", width: 9, numberFormat: "0", synonyms: ["购买频次(次)", "购买次数", "订单数", "Orders", "Frequency"] },
  { id: "prevPurchases", label: { zh: "上期购买频次", en: "Previous purchases" }, type: "whole", width: 11, numberFormat: "0", synonyms: ["上期购买次数", "Previous orders"] },
  { id: "amount", label: { zh: "购买金额(万元)", en: "Amount (¥10k)" }, type: "money", width: 13, numberFormat: "#,##0.00", synonyms: ["总购买金额(万元)", "购买金额", "总购买金额", "消费金额", "销售额", "金额", "Amount", "Spend", "Revenue"] },
  { id: "lastPurchase", label: { zh: "最近购买日期", en: "Last purchase" }, type: "date", width: 12, numberFormat: "yyyy-mm-dd", synonyms: ["最近购买时间", "最后购买日期", "上次购买时间", "Last order date"] },
  { id: "category", label: { zh: "偏好产品类别", en: "Preferred category" }, type: "text", width: 14, synonyms: ["偏好产品", "产品类别", "Preferred product"] },
  { id: "siteVisits", label: { zh: "官网访问次数", en: "Site visits" }, type: "whole", width: 11, numberFormat: "0", synonyms: ["访问次数", "官网访问", "Visits", "Web visits"] },
  { id: "events", label: { zh: "参与活动次数", en: "Events attended" }, type: "whole", width: 11, numberFormat: "0", synonyms: ["活动次数", "参与活动", "Events"] },
  { id: "complaints", label: { zh: "投诉次数", en: "Complaints" }, type: "whole", width: 9, numberFormat: "0", synonyms: ["投诉", "Complaint count"] },
  { id: "avgOrder", label: { zh: "客单价(万元)", en: "Average order (¥10k)" }, type: "decimal", output: true, width: 11, numberFormat: "#,##0.00" },
  { id: "activity", label: { zh: "客户活跃度", en: "Activity" }, type: "decimal", output: true, width: 10, numberFormat: "0.0" },
  { id: "declineRate", label: { zh: "购买频次下降率", en: "Decline rate" }, type: "percent", output: true, width: 12, numberFormat: "0%" },
  { id: "churnRisk", label: { zh: "流失风险指数", en: "Churn risk" }, type: "decimal", output: true, width: 11, numberFormat: "0" },
];

/** Interactions table: one row per contact with a customer. */
export const INTERACTION_COLUMNS: ColumnDef[] = [
  { id: "customerId", label: { zh: "客户编号", en: "Customer ID" }, type: "id", required: true, width: 11, numberFormat: "@", synonyms: ["编号", "客户ID", "ID"] },
  { id: "date", label: { zh: "沟通日期", en: "Date" }, type: "date", required: true, width: 12, numberFormat: "yyyy-mm-dd", synonyms: ["日期", "沟通时间", "联系日期", "Contact date"] },
  { id: "channel", label: { zh: "沟通方式", en: "Channel" }, type: "list", list: "channel", width: 10, synonyms: ["方式", "Contact method"] },
  { id: "contact", label: { zh: "联系人", en: "Contact" }, type: "text", width: 10, synonyms: ["对接人"] },
  { id: "demandType", label: { zh: "需求类型", en: "Demand type" }, type: "text", width: 16, synonyms: ["需求"] },
  { id: "summary", label: { zh: "沟通内容摘要", en: "Summary" }, type: "text", width: 34, synonyms: ["沟通内容", "内容", "记录", "Notes"] },
  { id: "feedback", label: { zh: "客户反馈", en: "Feedback" }, type: "list", list: "feedback", width: 10, synonyms: ["反馈"] },
  { id: "nextStep", label: { zh: "下一步", en: "Next step" }, type: "text", width: 24, synonyms: ["下一步计划", "后续动作", "Next action"] },
  { id: "owner", label: { zh: "跟进人", en: "Owner" }, type: "text", width: 10, synonyms: ["负责人", "销售", "Sales rep"] },
];
