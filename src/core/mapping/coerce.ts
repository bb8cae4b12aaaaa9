import type { ColumnDef } from "../layout/types";
import type { CellValue } from "../plan/cells";
import type { CellProblem } from "./records";
import { parseDateText } from "./dates";
import { normaliseNumber } from "../clean/normalise/number";

export type Coerced = string | number | null;

const ERROR_VALUE = /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isErrorValue(v: CellValue): boolean {
  // Most cells are not errors: test the first character before the regex.
  return typeof v === "string" && v.length > 1 && (v.charCodeAt(0) === 35 || v.trimStart().charCodeAt(0) === 35) && ERROR_VALUE.test(v.trim());
}

/** Text as a person typed it, trimmed; numbers keep their digits (IDs typed as numbers). */
export function asText(v: CellValue): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v ? "TRUE" : "FALSE";
}

/**
 * Numbers typed as text the way people type them (¥1,200, 30万 in a 万元 column, full-width
 * digits) are read for scoring through the clean normalisers; anything ambiguous is not a number.
 */
function toNumber(v: CellValue, col: ColumnDef): number | null | "bad" {
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  if (typeof v === "boolean") return "bad";
  if (v.trim() === "") return null;
  const n = normaliseNumber(v, { unit: col.type === "money" ? "wan" : "yuan", allowNegative: true });
  return n.status === "ok" ? n.value : n.status === "empty" ? null : "bad";
}

/**
 * Read one cell as its column's type. Reading never changes the cell: a value that does not fit
 * is reported as a problem and counts as blank in the engine, and the cell stays as typed.
 */
export function coerceCell(col: ColumnDef, v: CellValue, report: (code: CellProblem["code"]) => void): Coerced {
  if (v === "" || v === null || v === undefined) return isNumeric(col) ? null : "";
  if (isErrorValue(v)) {
    report("errorValue");
    return textLike(col) ? "" : null;
  }
  switch (col.type) {
    case "whole":
    case "decimal":
    case "money":
    case "percent":
    case "score15": {
      const n = toNumber(v, col);
      if (n === null) return null;
      if (n === "bad") {
        report("notNumber");
        return null;
      }
      if (n < 0) {
        report("negative");
        return null;
      }
      if (col.type === "score15" && (!Number.isInteger(n) || n < 1 || n > 5)) {
        report("outOfRange15");
        return null;
      }
      if (col.type === "whole" && !Number.isInteger(n)) {
        report("notWhole");
        return null;
      }
      return n;
    }
    case "date": {
      if (typeof v === "number") return v >= 1 ? Math.floor(v) : (report("notDate"), null);
      if (typeof v === "boolean") {
        report("notDate");
        return null;
      }
      // Dates typed as text: only unambiguous forms are read (03/04/2024 is not guessed).
      const serial = parseDateText(v);
      if (serial === null) report("notDate");
      return serial;
    }
    default:
      return asText(v);
  }
}

const NUMERIC_TYPES = new Set<ColumnDef["type"]>(["whole", "decimal", "money", "percent", "score15", "date"]);

/** Numbers and dates read as number | null; every other type is text, "" when blank. */
export function isNumeric(col: ColumnDef): boolean {
  return NUMERIC_TYPES.has(col.type);
}

function textLike(col: ColumnDef): boolean {
  return !isNumeric(col);
}
