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
  partsNotKept: {
    zh: "注意: 这个文件只能整体重写, 原文件中的 {charts} 个图表和 {pivotTables} 个数据透视表没有带到输出文件中 (原文件未改动)。",
    en: "Note: this file had to be rewritten whole, and {charts} chart(s) and {pivotTables} pivot table(s) of the input are not in the output (the input file is unchanged).",
  },
  fileWritten: { zh: "已写入: {file}", en: "Written: {file}" },
  templateWritten: { zh: "已写入模板: {file}", en: "Template written: {file}" },
  sampleWritten: { zh: "示例工作簿已写入: {file}", en: "Sample workbook written: {file}" },
  moreCellProblems: {
    zh: "…另有 {count} 个单元格有同类问题。",
    en: "…and {count} more cells like these.",
  },
  moreFlaggedCells: {
    zh: "…另有 {count} 个单元格。",
    en: "…and {count} more cells.",
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
  unsafeWorkbookSize: {
    zh: "无法安全读取「{file}」: 解压后的内容超过 {limit} (在 {part} 处超出), 而文件本身只有 {size}。比例如此悬殊的文件是“压缩炸弹”或并非普通工作簿, 命令行没有继续读取。未修改任何文件, 也未写出结果。",
    en: "Cannot safely read '{file}': unpacked, its contents grow past {limit} (at {part}) from a file of {size}. A package this far out of proportion is a zip bomb or no ordinary workbook, so the command line stopped reading it. Nothing was changed or written.",
  },
  unsafeWorkbookBounds: {
    zh: "无法安全读取「{file}」: {part} 中的 {element} 超出界限 (最大 {limit})。Excel 不会写出这样的文件, 而命令行读取 .xlsx 所用的库 (ExcelJS) 处理它会停滞或耗尽内存。未修改任何文件, 也未写出结果。",
    en: "Cannot safely read '{file}': {part} holds {element}, out of bounds (at most {limit}). Excel does not write such a file, and ExcelJS, the library the command line reads .xlsx files with, would stall or run out of memory on it. Nothing was changed or written.",
  },
  unsafeWorkbookArea: {
    zh: "无法安全读取「{file}」: 工作簿中 {element} 的范围合计 {cells} 个单元格, 超过命令行可接受的 {limit} 个 (在 {part} 处超出)。命令行读取 .xlsx 所用的库 (ExcelJS) 会把数据验证、合并单元格和名称的范围逐个单元格展开, 处理此文件会停滞或耗尽内存。这类范围在 Excel 中可能完全正常 (例如对整列设置数据验证): 请在 Excel 中把它们缩小到实际使用的行, 然后重试。未修改任何文件, 也未写出结果。",
    en: "Cannot safely read '{file}': the workbook's {element} ranges cover {cells} cells in all, more than the {limit} the command line accepts (passed in {part}). ExcelJS, the library it reads .xlsx files with, expands data-validation, merged and named ranges cell by cell and would stall or run out of memory. Such ranges can be perfectly normal in Excel (a validation on whole columns, say): shrink them to the rows in use in Excel, then try again. Nothing was changed or written.",
  },
  unsafeWorkbookMerges: {
    zh: "无法安全读取「{file}」: {part} 有 {count} 个合并区域, 超过命令行可接受的 {limit} 个。命令行读取 .xlsx 所用的库 (ExcelJS) 会把每个合并区域与之前的所有合并区域逐一比较, 处理此文件需要极长时间。请在 Excel 中减少合并单元格后重试。未修改任何文件, 也未写出结果。",
    en: "Cannot safely read '{file}': {part} has {count} merged ranges, more than the {limit} the command line accepts. ExcelJS, the library it reads .xlsx files with, compares each merged range with every earlier one, so this file would take very long. Unmerge cells in Excel, then try again. Nothing was changed or written.",
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
  // The Office.js shell's own outcomes and failures (src/excel).
  excelReadFailed: {
    zh: "读取工作簿时 Excel 报错 ({detail})。工作簿未做任何修改, 请稍后重试。",
    en: "Excel reported an error while reading the workbook ({detail}). Nothing was changed; please try again.",
  },
  excelApplyFailed: {
    zh: "写入工作簿时 Excel 报错 ({detail})。工作簿可能只更新了一部分, 您输入的数据未被改动; 请再运行一次以完成。",
    en: "Excel reported an error while updating the workbook ({detail}). The workbook may be partly updated (nothing you typed was changed); run the action again to complete it.",
  },
  tableOverlap: {
    zh: "工作表「{sheet}」上要放置 {table} 表的位置已有其他表格。请移动该表格后重试; 工作簿未做任何修改。",
    en: "Another table already sits where the {table} table goes on sheet '{sheet}'. Move it and try again; nothing was changed.",
  },
  templateDone: {
    zh: "模板已就绪: 新建 {sheets} 个工作表、{tables} 个表格, 补充 {columns} 列。",
    en: "Template ready: {sheets} sheets and {tables} tables created, {columns} columns added.",
  },
  templateUnchanged: {
    zh: "模板已完整, 无需修改。",
    en: "The template is already complete; nothing to change.",
  },
  scoreDone: {
    zh: "已为 {customers} 位客户评分分层 (A {a} · B {b} · C {c} · D {d})。",
    en: "Scored and tiered {customers} customers (A {a} · B {b} · C {c} · D {d}).",
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
