import type { Label, Lang } from "../plan/cells";

/**
 * Messages of the shells, plans and CLI. `{name}` placeholders are filled by `message()`.
 * The engine's words (reasons, conclusions) live in engine.ts beside this file.
 */
export const MESSAGES = {
  noCustomerSheet: {
    zh: "找不到客户表: 工作簿中没有「客户信息」(Customers) 工作表或 Customers 表格。请先插入模板, 或用「导入我的名单」转换现有名单。",
    en: "No customer list found: the workbook has no 客户信息 (Customers) sheet or Customers table. Insert the template first, or use Adopt my list.",
  },
  emptyWorkbook: {
    zh: "工作簿是空的: 没有任何数据可以评分。",
    en: "The workbook is empty: there is nothing to score.",
  },
  noHeaders: {
    zh: "工作表「{sheet}」第 {row} 行没有可识别的表头 (至少需要「客户名称」列)。",
    en: "Sheet '{sheet}' has no recognisable header row at row {row} (a 客户名称 / Customer name column is required).",
  },
  noCustomers: {
    zh: "工作表「{sheet}」中没有客户记录 (只有表头)。",
    en: "Sheet '{sheet}' holds no customers (headers only).",
  },
  cellNotNumber: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: 「{value}」不是数字, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': '{value}' is not a number; counted as blank.",
  },
  cellNotWhole: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: {value} 不是整数, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': {value} is not a whole number; counted as blank.",
  },
  cellNegative: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: {value} 为负数, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': {value} is negative; counted as blank.",
  },
  cellOutOfRange15: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: {value} 不是 1–5 的整数, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': {value} is not a whole number from 1 to 5; counted as blank.",
  },
  cellNotDate: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: 「{value}」不是可识别的日期, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': '{value}' is not a date we can read; counted as blank.",
  },
  cellErrorValue: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: 单元格是错误值 {value}, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': the cell holds the error {value}; counted as blank.",
  },
  cellFormula: {
    zh: "工作表「{sheet}」第 {row} 行「{column}」列: 公式结果 {value} 无法使用, 已按空值计算。",
    en: "Sheet '{sheet}', row {row}, column '{column}': the formula result {value} cannot be used; counted as blank.",
  },
  unknownBehaviourCustomer: {
    zh: "「客户行为」中有 {count} 行的客户编号不在客户信息中 (例如 {example}), 这些行未计入评分。",
    en: "{count} Behaviour rows name a customer ID not in Customers (e.g. {example}); they were not scored.",
  },
  noBehaviourSheet: {
    zh: "没有「客户行为」数据: 按潜客评分 (需求匹配度与合作可能性) 分层, RFM 留空。",
    en: "No Behaviour data: customers were tiered by prospect score (need match and likelihood); RFM left blank.",
  },
  sheetNameTaken: {
    zh: "工作表「{sheet}」已存在且内容不是本插件的 {table} 表。请重命名该工作表后重试; 工作簿未做任何修改。",
    en: "A sheet named '{sheet}' already exists and does not hold our {table} table. Rename it and try again; nothing was changed.",
  },
  tableNameTaken: {
    zh: "表格名称 {table} 已被工作表「{sheet}」上的其他表格占用。请重命名该表格后重试; 工作簿未做任何修改。",
    en: "The table name {table} is already used by another table on sheet '{sheet}'. Rename it and try again; nothing was changed.",
  },
  sheetProtected: {
    zh: "工作表「{sheet}」受保护, 无法写入。请取消保护后重试; 工作簿未做任何修改。",
    en: "Sheet '{sheet}' is protected, so we cannot write to it. Unprotect it and try again; nothing was changed.",
  },
  excelTooOld: {
    zh: "此 Excel 版本不支持本插件所需的功能 (需要 ExcelApi {version})。请更新到 Microsoft 365 或 Excel 2019 及以上版本。",
    en: "This version of Excel lacks features the add-in needs (ExcelApi {version}). Please update to Microsoft 365 or Excel 2019 or later.",
  },
  notXlsx: {
    zh: "无法读取「{file}」: 不是有效的 .xlsx 文件 (可能已损坏、加密或为其他格式)。",
    en: "Cannot read '{file}': it is not a valid .xlsx file (it may be damaged, password-protected or another format).",
  },
  fileNotFound: {
    zh: "找不到文件「{file}」。",
    en: "File not found: '{file}'.",
  },
  wouldOverwriteInput: {
    zh: "输出文件不能与输入文件相同: {file}",
    en: "The output file must not be the input file: {file}",
  },
  badRefDate: {
    zh: "参考日期「{value}」无效, 请使用 YYYY-MM-DD 格式。",
    en: "Reference date '{value}' is not valid; use YYYY-MM-DD.",
  },
  settingsInvalid: {
    zh: "设置有误: {details}",
    en: "Settings are not valid: {details}",
  },
  idGenerated: {
    zh: "为 {count} 位缺少编号的客户生成了客户编号 (已记入变更日志)。",
    en: "Generated customer IDs for {count} customers that had none (logged in the Change log).",
  },
} satisfies Record<string, Label>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

export function message(code: MessageCode, params: MessageParams, lang: Lang): string {
  const template = lang === "zh-CN" ? MESSAGES[code].zh : MESSAGES[code].en;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** An error a person can act on; shells show `message(code, params, lang)`. */
export class InsightError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(message(code, params, "en-US"));
    this.name = "InsightError";
  }

  localized(lang: Lang): string {
    return message(this.code, this.params, lang);
  }
}
