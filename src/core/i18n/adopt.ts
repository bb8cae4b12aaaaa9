import type { Label, Lang } from "../plan/cells";

/**
 * The words of Adopt my list (SPEC §4) and Filters (SPEC §6), zh-CN and en-US: error messages,
 * evidence shown beside a proposed mapping, the headers adoption writes for columns it must
 * rename, the change-log key for header cells, and the filter presets' names and descriptions.
 * Logic returns codes; only this file turns them into text.
 */

export const ADOPT_MESSAGES = {
  sheetNotFound: {
    zh: "找不到工作表「{sheet}」。",
    en: "Sheet '{sheet}' was not found.",
  },
  noHeaderRow: {
    zh: "工作表「{sheet}」的前 {rows} 行中没有可识别的表头行 (例如「客户名称」「手机」「联系人」)。请在数据上方加一行表头后重试; 工作簿未做任何修改。",
    en: "Sheet '{sheet}' has no recognisable header row in its first {rows} rows (e.g. Customer name, Mobile, Contact). Add a header row above the data and try again; nothing was changed.",
  },
  nameNotMapped: {
    zh: "还没有指定哪一列是「客户名称」。请在映射中为客户名称选择一列; 工作簿未做任何修改。",
    en: "No column is mapped to Customer name yet. Choose the column that holds the customer's name; nothing was changed.",
  },
  customersTableExists: {
    zh: "工作簿中已有名为 Customers 的客户表 (工作表「{sheet}」)。一个工作簿只能有一张客户表; 工作簿未做任何修改。",
    en: "The workbook already has a Customers table (sheet '{sheet}'). A workbook holds one customer table; nothing was changed.",
  },
  rangeOverlapsTable: {
    zh: "名单区域与工作表「{sheet}」上的表格 {table} 重叠。请先将该表格转换为普通区域 (表设计 › 转换为区域) 后重试; 工作簿未做任何修改。",
    en: "The list overlaps table {table} on sheet '{sheet}'. Convert that table to a range first (Table Design › Convert to Range) and try again; nothing was changed.",
  },
  duplicateTarget: {
    zh: "「{column}」被指定给了多列 (第 {cols} 列)。每个标准列只能对应一列; 工作簿未做任何修改。",
    en: "'{column}' is mapped from more than one column ({cols}). Each standard column takes one source column; nothing was changed.",
  },
  unknownTarget: {
    zh: "「{target}」不是客户信息表中可以导入的列。",
    en: "'{target}' is not a Customers column that a list can be adopted into.",
  },
  sourceOutOfRange: {
    zh: "第 {col} 列不在名单区域内。",
    en: "Column {col} is not inside the list.",
  },
  filterNoTable: {
    zh: "筛选需要 Customers 客户表。请先插入模板或用「导入我的名单」转换现有名单。",
    en: "Filters need the Customers table. Insert the template, or use Adopt my list on your list, first.",
  },
  filterColumnMissing: {
    zh: "客户表中没有「{column}」列, 无法按它筛选。",
    en: "The Customers table has no '{column}' column to filter on.",
  },
  filterColumnMissingOutput: {
    zh: "客户表中还没有「{column}」列: 请先运行「评分分层」, 再使用此筛选。",
    en: "The Customers table has no '{column}' column yet: run Score and tier first, then use this filter.",
  },
  filterUnknownColumn: {
    zh: "「{column}」不是客户表的列。",
    en: "'{column}' is not a Customers column.",
  },
  filterTooManyConditions: {
    zh: "「{column}」列的条件太多: Excel 每列最多组合两个条件 (例如 ≥ 与 ≤)。",
    en: "Too many conditions on '{column}': Excel combines at most two conditions per column (e.g. ≥ and ≤).",
  },
  filterValueMissing: {
    zh: "「{column}」列的条件缺少比较值。",
    en: "The condition on '{column}' needs a value.",
  },
  filterNotNumber: {
    zh: "「{column}」列的条件值「{value}」不是数字或日期。",
    en: "The value '{value}' for '{column}' is not a number or a date.",
  },
} satisfies Record<string, Label>;

export type AdoptMessageCode = keyof typeof ADOPT_MESSAGES;
export type AdoptMessageParams = Record<string, string | number>;

export function adoptMessage(code: AdoptMessageCode, params: AdoptMessageParams, lang: Lang): string {
  const template = lang === "zh-CN" ? ADOPT_MESSAGES[code].zh : ADOPT_MESSAGES[code].en;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** An error a person can act on, from Adopt my list or Filters; shells show `localized(lang)`. */
export class AdoptError extends Error {
  constructor(
    readonly code: AdoptMessageCode,
    readonly params: AdoptMessageParams = {},
  ) {
    super(adoptMessage(code, params, "en-US"));
    this.name = "AdoptError";
  }

  localized(lang: Lang): string {
    return adoptMessage(this.code, this.params, lang);
  }
}

/** Evidence codes of a proposed mapping (propose.ts), as the pane shows them. */
export const EVIDENCE_TEXT: Record<string, Label> = {
  "header:exact": { zh: "表头与标准列名一致", en: "header is the standard name" },
  "header:synonym": { zh: "表头是常用同义词", en: "header is a common synonym" },
  "header:fuzzy": { zh: "表头含关键词", en: "header contains a keyword" },
  "header:output": { zh: "表头是插件计算列, 不导入", en: "header is a computed column; not adopted" },
  "header:owner": { zh: "表头是我方负责人, 不是客户信息", en: "header names our own staff, not the customer" },
  "header:duplicate": { zh: "表头重复, 只导入第一列", en: "duplicate header; only the first is adopted" },
  "values:mobile": { zh: "值为 11 位手机号", en: "values are 11-digit mobiles" },
  "values:phone": { zh: "值为电话号码", en: "values are phone numbers" },
  "values:email": { zh: "值含 @ (邮箱)", en: "values contain @ (email)" },
  "values:date": { zh: "值为日期", en: "values are dates" },
  "values:grade": { zh: "值为 重点/潜在/普通", en: "values are key / potential / regular" },
  "values:priority": { zh: "值为 高/中/低", en: "values are high / medium / low" },
  "values:score15": { zh: "值为 1–5 的整数", en: "values are whole numbers 1–5" },
  "values:company": { zh: "值像公司名称", en: "values look like company names" },
  "values:person": { zh: "值像人名", en: "values look like person names" },
  "values:industry": { zh: "值为行业", en: "values are industries" },
  "values:creditCode": { zh: "值为 18 位统一社会信用代码", en: "values are 18-character credit codes" },
  "values:channel": { zh: "值为沟通方式", en: "values are contact channels" },
  "values:feedback": { zh: "值为 积极/中性/消极", en: "values are positive / neutral / negative" },
  "values:budget": { zh: "值为预算范围", en: "values are budget ranges" },
  "values:sizeBand": { zh: "值为客户规模", en: "values are size bands" },
  "values:title": { zh: "值为职务", en: "values are job titles" },
  "values:number": { zh: "值为数字", en: "values are numbers" },
  "values:conflict": { zh: "值与表头含义不符", en: "values do not fit the header" },
};

export function evidenceText(code: string, lang: Lang): string {
  const l = EVIDENCE_TEXT[code];
  return l ? (lang === "zh-CN" ? l.zh : l.en) : code;
}

/** Header for a kept column whose header was blank: 列G / Column G. */
export function blankHeaderText(letters: string, lang: Lang): string {
  return lang === "zh-CN" ? `列${letters}` : `Column ${letters}`;
}

/**
 * Header for a kept (unmapped) column whose own header the engine would read as a standard
 * column (备注 would become the contact summary): prefixed so the engine leaves it alone.
 */
export function keptHeaderText(original: string, lang: Lang): string {
  return lang === "zh-CN" ? `原表·${original}` : `Original·${original}`;
}

/** Change-log key of a header cell: 表头 C3 / Header C3. */
export function headerCellKey(address: string, lang: Lang): string {
  return lang === "zh-CN" ? `表头 ${address}` : `Header ${address}`;
}

export type FilterPresetId = "priorityFollowUp" | "overdueFollowUp" | "churnRiskD" | "coreCustomers";

export const FILTER_PRESET_TEXT: Record<FilterPresetId, { name: Label; description: Label }> = {
  priorityFollowUp: {
    name: { zh: "优先跟进", en: "Follow up first" },
    description: { zh: "客户等级为「重点」且需求匹配度 ≥ 4", en: "Grade is 重点 (key) and need match is 4 or more" },
  },
  overdueFollowUp: {
    name: { zh: "逾期跟进", en: "Overdue follow-ups" },
    description: { zh: "跟进状态为「逾期」(评分分层计算)", en: "Follow-up status is Overdue (computed by Score and tier)" },
  },
  churnRiskD: {
    name: { zh: "D 类流失风险", en: "Tier D: churn risk" },
    description: { zh: "客户分层为 D (流失风险)", en: "Tier is D (churn risk)" },
  },
  coreCustomers: {
    name: { zh: "核心客户", en: "Core customers" },
    description: { zh: "核心客户为「是」(按购买金额前 10%)", en: "Core customer is Yes (top 10% by amount)" },
  },
};

export function presetName(id: FilterPresetId, lang: Lang): string {
  return lang === "zh-CN" ? FILTER_PRESET_TEXT[id].name.zh : FILTER_PRESET_TEXT[id].name.en;
}

export function presetDescription(id: FilterPresetId, lang: Lang): string {
  return lang === "zh-CN" ? FILTER_PRESET_TEXT[id].description.zh : FILTER_PRESET_TEXT[id].description.en;
}

/** The filter builder's operators, as the pane lists them. */
export const FILTER_OPERATOR_TEXT: Record<string, Label> = {
  equals: { zh: "等于", en: "equals" },
  notEquals: { zh: "不等于", en: "does not equal" },
  contains: { zh: "包含", en: "contains" },
  gte: { zh: "≥", en: "≥" },
  lte: { zh: "≤", en: "≤" },
  gt: { zh: ">", en: ">" },
  lt: { zh: "<", en: "<" },
  between: { zh: "介于", en: "between" },
  isBlank: { zh: "为空", en: "is blank" },
  notBlank: { zh: "不为空", en: "is not blank" },
  oneOf: { zh: "为以下之一", en: "is one of" },
};
