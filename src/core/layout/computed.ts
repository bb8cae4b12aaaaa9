import type { ColumnDef } from "./types";

/** Tiers table: seed 001's table 3, fully computed by Score and tier. */
export const TIER_COLUMNS: ColumnDef[] = [
  { id: "customerId", label: { zh: "客户编号", en: "Customer ID" }, type: "id", output: true, width: 11, numberFormat: "@" },
  { id: "name", label: { zh: "客户名称", en: "Customer name" }, type: "text", output: true, width: 24 },
  { id: "scoreKind", label: { zh: "评分依据", en: "Score basis" }, type: "text", output: true, width: 10 },
  { id: "score", label: { zh: "客户价值评分", en: "Score" }, type: "decimal", output: true, width: 10, numberFormat: "0.0" },
  { id: "tier", label: { zh: "分层结果", en: "Tier" }, type: "text", output: true, width: 9 },
  { id: "tierName", label: { zh: "分层名称", en: "Tier name" }, type: "text", output: true, width: 10 },
  { id: "churnRisk", label: { zh: "流失风险指数", en: "Churn risk" }, type: "decimal", output: true, width: 10, numberFormat: "0" },
  { id: "recencyDays", label: { zh: "距最近购买天数", en: "Days since purchase" }, type: "whole", output: true, width: 11, numberFormat: "0" },
  { id: "r", label: { zh: "R分", en: "R" }, type: "whole", output: true, width: 5, numberFormat: "0" },
  { id: "f", label: { zh: "F分", en: "F" }, type: "whole", output: true, width: 5, numberFormat: "0" },
  { id: "m", label: { zh: "M分", en: "M" }, type: "whole", output: true, width: 5, numberFormat: "0" },
  { id: "segment", label: { zh: "RFM客户类型", en: "RFM segment" }, type: "text", output: true, width: 14 },
  { id: "tenureMonths", label: { zh: "合作时长(月)", en: "Tenure (months)" }, type: "whole", output: true, width: 10, numberFormat: "0" },
  { id: "core", label: { zh: "核心客户", en: "Core customer" }, type: "text", output: true, width: 9 },
  { id: "customerType", label: { zh: "客户类型", en: "New or existing" }, type: "text", output: true, width: 9 },
  { id: "traits", label: { zh: "核心行为特征", en: "Key behaviour" }, type: "text", output: true, width: 30 },
  { id: "issues", label: { zh: "主要问题点", en: "Main issues" }, type: "text", output: true, width: 24 },
  { id: "reason", label: { zh: "分层依据", en: "Reason" }, type: "text", output: true, width: 60 },
  { id: "action", label: { zh: "建议行动", en: "Recommended action" }, type: "text", output: true, width: 40 },
];

/** Settings table: one row per setting, editable by the person; the engine reads `key` and `value`. */
export const SETTING_COLUMNS: ColumnDef[] = [
  { id: "key", label: { zh: "设置项", en: "Key" }, type: "text", width: 22 },
  { id: "name", label: { zh: "名称", en: "Setting" }, type: "text", width: 22 },
  { id: "value", label: { zh: "值", en: "Value" }, type: "text", width: 14 },
  { id: "note", label: { zh: "说明", en: "Note" }, type: "text", width: 44 },
];

/** Change log: one row per cell the add-in changed in user data. */
export const CHANGE_LOG_COLUMNS: ColumnDef[] = [
  { id: "time", label: { zh: "时间", en: "Time" }, type: "text", width: 20 },
  { id: "action", label: { zh: "操作", en: "Action" }, type: "text", width: 14 },
  { id: "sheet", label: { zh: "工作表", en: "Sheet" }, type: "text", width: 12 },
  { id: "key", label: { zh: "客户编号", en: "Customer ID" }, type: "text", width: 12 },
  { id: "column", label: { zh: "列", en: "Column" }, type: "text", width: 14 },
  { id: "old", label: { zh: "原值", en: "Old value" }, type: "text", width: 24 },
  { id: "new", label: { zh: "新值", en: "New value" }, type: "text", width: 24 },
];
