import type { CellValue } from "../core/plan/cells";

/**
 * Keeping text as text through `Range.values`.
 *
 * The Range.values reference (ExcelApi 1.1) says a written string is parsed like typed input:
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula", and locale-neutral dates (ISO YYYY-MM-DD) "are stored as
 * dates"; numeric strings become numbers like typed input does. Excel's documented way to keep
 * input as text is the Text number format "@", set BEFORE the value is entered (setting it
 * afterwards does not convert a value already parsed). So every string a plan writes that Excel
 * would not keep verbatim gets "@" first. "@" (a leading at sign) is included: Excel treats
 * "@SUM(A1)" typed input as a formula too.
 */
const FORMULA_START = /^[=+\-@]/;
const NUMBER_LIKE = /^\s*[+-]?[$¥€£]?\s*(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?([T\s].*)?$/;
const TIME_LIKE = /^\s*\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?\s*$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
const ERROR_LIKE = /^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|GETTING_DATA|SPILL!|CALC!)$/i;

/** True when Excel would turn this string into something other than the same text. */
export function needsTextFormat(v: CellValue): boolean {
  if (typeof v !== "string" || v === "") return false;
  return (
    FORMULA_START.test(v) ||
    v.startsWith("'") ||
    NUMBER_LIKE.test(v) ||
    DATE_LIKE.test(v) ||
    TIME_LIKE.test(v) ||
    BOOLEAN_LIKE.test(v) ||
    ERROR_LIKE.test(v)
  );
}

/**
 * The value to send for a cell. A leading apostrophe is Excel's text prefix and is consumed on
 * input (also through the API, OfficeDev/office-js#6687), so text that itself starts with one is
 * sent with a second apostrophe in front: Excel stores the original text.
 */
export function wireValue(v: CellValue): CellValue {
  return typeof v === "string" && v.startsWith("'") ? `'${v}` : v;
}

/** UTF-8 length without allocating a Buffer (payload estimates run over every cell). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes a 2-D array takes as JSON (what a request or response carries). */
export function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of grid) {
    n += 3;
    for (const v of row) {
      if (typeof v === "string") n += utf8Bytes(v) + 3;
      else if (typeof v === "number") n += String(v).length + 1;
      else if (typeof v === "boolean") n += 6;
      else n += 5;
    }
  }
  return n;
}
