import type { Label, Lang } from "../plan/cells";
import { InsightError } from "./messages";

/**
 * Words of Clean data, Undo last clean and Masked copy (SPEC §5, §6), in both product languages.
 * `{name}` placeholders are filled by `cleanMessage()`.
 */
export const CLEAN_MESSAGES = {
  undoNothing: {
    zh: "变更日志中没有可撤销的清洗记录。",
    en: "The Change log holds no clean run to undo.",
  },
  undoNoLog: {
    zh: "找不到变更日志 (ChangeLog 表), 无法撤销清洗。",
    en: "No Change log (ChangeLog table) found, so there is no clean to undo.",
  },
  undoChanged: {
    zh: "清洗之后「{sheet}」的 {cell} 单元格已被修改 (现为「{now}」, 清洗写入的是「{expected}」)。为避免覆盖您的修改, 未执行撤销; 工作簿未做任何修改。",
    en: "Cell {cell} on '{sheet}' was edited after the clean (it holds '{now}'; the clean wrote '{expected}'). Undo was not run so your edit is not overwritten; nothing was changed.",
  },
  undoCellMissing: {
    zh: "变更日志中的单元格 (工作表「{sheet}」, {key}, 列「{column}」) 已找不到, 可能删除了行或列。未执行撤销; 工作簿未做任何修改。",
    en: "A logged cell (sheet '{sheet}', {key}, column '{column}') can no longer be found; rows or columns may have been deleted. Undo was not run; nothing was changed.",
  },
  maskSourceEmpty: {
    zh: "客户表中没有可以脱敏的数据。",
    en: "The customer list holds nothing to mask.",
  },
  cleanSummary: {
    zh: "清洗完成: 规范化 {normalised} 个单元格, 合并 {groups} 组重复客户 (归档 {merged} 行, {relinked} 行行为/互动记录改挂到保留的客户), 疑似重复 {possible} 对, 待人工确认 {flagged} 个单元格。",
    en: "Clean done: {normalised} cells normalised, {groups} duplicate groups merged ({merged} rows archived, {relinked} behaviour/interaction rows moved to the kept customer), {possible} possible duplicate pairs, {flagged} cells to check.",
  },
  undoSummary: {
    zh: "已撤销 {time} 的清洗: 恢复 {cells} 个单元格, 从归档中移除 {archived} 行。",
    en: "Undid the clean of {time}: {cells} cells restored, {archived} rows removed from the archive.",
  },
  maskWritten: { zh: "脱敏副本已写入: {file}", en: "Masked copy written: {file}" },
} satisfies Record<string, Label>;

export type CleanMessageCode = keyof typeof CLEAN_MESSAGES;
export type CleanMessageParams = Record<string, string | number>;

export function cleanMessage(code: CleanMessageCode, params: CleanMessageParams, lang: Lang): string {
  const template = lang === "zh-CN" ? CLEAN_MESSAGES[code].zh : CLEAN_MESSAGES[code].en;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * An error of Clean / Undo / Mask a person can act on. It is an InsightError, so every shell and
 * the CLI already show it localised (exit code 1); its own code and text come from this table.
 */
export class CleanError extends InsightError {
  constructor(
    readonly cleanCode: CleanMessageCode,
    readonly cleanParams: CleanMessageParams = {},
  ) {
    super("settingsInvalid", { details: "" });
    this.message = cleanMessage(cleanCode, cleanParams, "en-US");
    this.name = "CleanError";
  }

  override localized(lang: Lang): string {
    return cleanMessage(this.cleanCode, this.cleanParams, lang);
  }
}

/** Why two customers are one (exact keys) or may be one (possible duplicates). */
export const DUPLICATE_REASON: Record<string, Label> = {
  name: { zh: "名称相同", en: "same name" },
  mobile: { zh: "手机相同", en: "same mobile" },
  email: { zh: "邮箱相同", en: "same email" },
  creditCode: { zh: "统一社会信用代码相同", en: "same credit code" },
  similarName: { zh: "名称相近", en: "similar name" },
  shortName: { zh: "姓名相同 (短名称, 可能是同名的不同客户)", en: "same short name (may be two people)" },
  creditCodeConflict: { zh: "名称或联系方式相同, 但信用代码不同", en: "same name or contact, different credit codes" },
};

/** Why a cell was not changed and needs a person (normaliser codes → words). */
export const FLAG_REASON: Record<string, Label> = {
  dayMonthOrder: { zh: "日月顺序不确定 (如 03/04/2024)", en: "day and month order unclear (e.g. 03/04/2024)" },
  approximate: { zh: "约数 (约、左右), 未改写", en: "an approximate figure (about, around); not rewritten" },
  multipleSections: { zh: "可属于多个行业门类", en: "fits more than one industry section" },
  letterNameMismatch: { zh: "行业字母与名称不一致", en: "industry letter and name disagree" },
  multiple: { zh: "单元格中有多个值, 请拆分", en: "several values in one cell; split them" },
  partialMatch: { zh: "行业仅部分匹配, 请确认", en: "industry only partly recognised; please confirm" },
  subIndustryConflict: { zh: "细分行业已有不同内容, 未改写", en: "sub-industry already holds something else; not rewritten" },
  outOfRange15: { zh: "不是 1–5 的整数", en: "not a whole number from 1 to 5" },
  errorValue: { zh: "错误值", en: "an error value" },
  boolean: { zh: "是 TRUE/FALSE", en: "TRUE/FALSE" },
  unrecognised: { zh: "无法识别", en: "not recognised" },
  impossibleDate: { zh: "不存在的日期", en: "no such date" },
  missingYear: { zh: "日期缺少年份", en: "date without a year" },
  missingDay: { zh: "日期缺少日", en: "date without a day" },
  outOfRange: { zh: "超出范围", en: "out of range" },
  fictitiousDate: { zh: "1900-02-29 不存在", en: "1900-02-29 does not exist" },
  notANumber: { zh: "不是数字", en: "not a number" },
  negative: { zh: "负数", en: "negative" },
  notWhole: { zh: "不是整数", en: "not a whole number" },
  foreignCurrency: { zh: "外币金额, 未换算", en: "a foreign currency; not converted" },
  malformedNumber: { zh: "数字格式有误", en: "malformed number" },
  notMobile: { zh: "不是手机号", en: "not a mobile number" },
  notEmail: { zh: "不是邮箱地址", en: "not an email address" },
  length: { zh: "信用代码应为 18 位", en: "a credit code has 18 characters" },
  charset: { zh: "信用代码含无效字符", en: "the credit code has invalid characters" },
  legacyRegistrationNumber: { zh: "15 位旧工商注册号, 不是信用代码", en: "a 15-digit legacy registration number, not a credit code" },
  numberPrecision: { zh: "信用代码被存成数字, 已丢失精度, 请以文本重新输入", en: "the credit code was stored as a number and lost digits; re-type it as text" },
  unknownIndustry: { zh: "无法对应到国标行业门类", en: "no matching GB/T industry section" },
  domainTypo: { zh: "邮箱域名可能拼写有误", en: "the email domain may be mistyped" },
  checkDigit: { zh: "信用代码校验位不符", en: "the credit code check character does not match" },
};

export function flagReasonText(code: string, lang: Lang): string {
  const l = FLAG_REASON[code];
  return l ? (lang === "zh-CN" ? l.zh : l.en) : code;
}

/** The label of the line Clean appends to the survivor's 沟通内容摘要 with the merged records' other contacts. */
export const OTHER_CONTACTS_LABEL: Label = { zh: "其他联系人", en: "Other contacts" };

/** The masked copy's sheet, unless the caller names it. */
export const MASKED_SHEET_NAME: Label = { zh: "客户信息(脱敏)", en: "Customers (masked)" };

/** Header for a column whose header cell is blank, in the masked copy ("列 3"). */
export const UNNAMED_COLUMN: Label = { zh: "列 {n}", en: "Column {n}" };
