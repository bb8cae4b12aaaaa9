import type ExcelJS from "exceljs";
import type { CellValue } from "../core/plan/cells";
import { dateToSerial } from "../core/mapping/dates";

/**
 * ExcelJS cell values → the Office.js shape the core reads: dates as serials, formulas as
 * their cached result, rich text as its text, errors as "#N/A"-style text, empty as "".
 */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return "";
      if (typeof result === "object" && result !== null && "error" in result) return String((result as { error: string }).error);
      if (result instanceof Date) return dateToSerial(result);
      return typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? result : "";
    }
    if ("text" in v && "hyperlink" in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === "string" ? t : toCellValue(t as ExcelJS.CellValue);
    }
  }
  return "";
}
