import type { Lang } from "./cells";
import { pick } from "./cells";
import type { ColumnDef } from "../layout/types";
import { LIST_ORDER } from "../layout/lists";
import { LISTS } from "../layout/lists";
import { sheetDef, tableStartCol } from "../layout/sheets";
import { cellAddress, columnLetters, quoteSheet } from "./a1";
import type { CellRange, Label } from "./cells";
import type { ValidationPlan } from "./types";

const MAX_DATE_SERIAL = 2958465; // 9999-12-31

const ALERTS: Record<string, { title: Label; message: Label }> = {
  list: { title: { zh: "请从列表中选择", en: "Choose from the list" }, message: { zh: "「{col}」只能是下拉列表中的值 (列表在「设置」表中, 可自行编辑)。", en: "'{col}' must be one of the dropdown values (the lists are on the Settings sheet and can be edited)." } },
  whole: { title: { zh: "请输入整数", en: "Whole number" }, message: { zh: "「{col}」应为不小于 0 的整数。", en: "'{col}' must be a whole number, 0 or more." } },
  decimal: { title: { zh: "请输入数字", en: "Number" }, message: { zh: "「{col}」应为不小于 0 的数字 (单位见表头)。", en: "'{col}' must be a number, 0 or more (unit as in the header)." } },
  score15: { title: { zh: "评分 1–5", en: "Score 1–5" }, message: { zh: "「{col}」为 1–5 的整数 (5 分最高)。", en: "'{col}' is a whole number from 1 to 5 (5 is highest)." } },
  date: { title: { zh: "请输入日期", en: "Date" }, message: { zh: "「{col}」应为日期, 例如 2024-03-15。", en: "'{col}' must be a date, e.g. 2024-03-15." } },
  mobile: { title: { zh: "手机号码格式", en: "Mobile number" }, message: { zh: "「{col}」通常为 11 位手机号 (1 开头, 可带 +86、空格或短横线)。仍要保存请点「是」。", en: "'{col}' is usually an 11-digit Chinese mobile (starting with 1; +86, spaces and dashes allowed). Choose Yes to keep it anyway." } },
  email: { title: { zh: "邮箱格式", en: "Email address" }, message: { zh: "「{col}」看起来不是邮箱地址 (应包含 @ 和域名)。仍要保存请点「是」。", en: "'{col}' does not look like an email address (it needs an @ and a domain). Choose Yes to keep it anyway." } },
  creditCode: { title: { zh: "统一社会信用代码", en: "Credit code" }, message: { zh: "统一社会信用代码为 18 位。仍要保存请点「是」。", en: "A unified social credit code has 18 characters. Choose Yes to keep it anyway." } },
};

function alert(kind: string, col: ColumnDef, lang: Lang, style: "Stop" | "Warning"): ValidationPlan["alert"] {
  const a = ALERTS[kind];
  return { style, title: pick(a.title, lang), message: pick(a.message, lang).replace("{col}", pick(col.label, lang)) };
}

/** The range reference of a list's values on the Lists table (typed lists over 255 chars are invalid). */
export function listSourceRef(listId: (typeof LIST_ORDER)[number], settingsSheetName: string): string {
  const sheet = sheetDef("settings");
  const col = tableStartCol(sheet, "Lists") + LIST_ORDER.indexOf(listId);
  const n = LISTS[listId].length;
  const letters = columnLetters(col);
  return `=${quoteSheet(settingsSheetName)}!$${letters}$2:$${letters}$${n + 1}`;
}

/** Excel data validation for one column's data cells (so it works without the add-in). */
export function validationFor(col: ColumnDef, range: CellRange, lang: Lang, settingsSheetName: string): ValidationPlan | null {
  const first = cellAddress(range.row, range.col);
  // Text after removing +86, spaces and dashes, as SPEC §2 defines the mobile check.
  const digits = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${first},"+86","")," ",""),"-","")`;
  switch (col.type) {
    case "list":
      return col.list ? { range, rule: { kind: "list", source: listSourceRef(col.list, settingsSheetName) }, alert: alert("list", col, lang, "Stop") } : null;
    case "whole":
      return { range, rule: { kind: "wholeNumber", operator: "GreaterThanOrEqualTo", formula1: 0 }, alert: alert("whole", col, lang, "Stop") };
    case "money":
    case "decimal":
      return { range, rule: { kind: "decimal", operator: "GreaterThanOrEqualTo", formula1: 0 }, alert: alert("decimal", col, lang, "Stop") };
    case "score15":
      return { range, rule: { kind: "wholeNumber", operator: "Between", formula1: 1, formula2: 5 }, alert: alert("score15", col, lang, "Stop") };
    case "date":
      return { range, rule: { kind: "date", operator: "Between", formula1: 1, formula2: MAX_DATE_SERIAL }, alert: alert("date", col, lang, "Stop") };
    case "mobile":
      return {
        range,
        rule: { kind: "custom", formula: `=AND(LEN(${digits})=11,LEFT(${digits},1)="1",ISNUMBER(--${digits}),--MID(${digits},2,1)>=3)` },
        alert: alert("mobile", col, lang, "Warning"),
      };
    case "email":
      return {
        range,
        rule: { kind: "custom", formula: `=AND(ISNUMBER(FIND("@",${first})),ISNUMBER(FIND(".",${first},FIND("@",${first})+2)),LEN(${first})-LEN(SUBSTITUTE(${first},"@",""))=1,ISERROR(FIND(" ",TRIM(${first}))))` },
        alert: alert("email", col, lang, "Warning"),
      };
    case "creditCode":
      return { range, rule: { kind: "textLength", operator: "EqualTo", formula1: 18 }, alert: alert("creditCode", col, lang, "Warning") };
    default:
      return null;
  }
}
