/**
 * How a value written through `Range.values` / `Range.formulas` lands in a cell.
 *
 * What the docs say, and what the fake therefore does:
 * - `Range.values` reference (@types/office-js 1.0.612, ExcelApi 1.1): "If the returned value starts
 *   with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula",
 *   and locale-shaped date strings "are stored as text instead of as dates" — i.e. strings are parsed
 *   like typed input. So "=…" becomes a formula, "+…"/"-…" that is not a number becomes a formula
 *   ("=" + text, as Excel stores "+A1" as "=+A1"), and a numeric string ("0101", "13800138000")
 *   becomes a number (leading zeros lost). Date strings are NOT converted (not modelled).
 * - Leading apostrophe: typed input "'=1+1" is stored as the text "=1+1" with a quote prefix; the
 *   apostrophe is not part of the value. OfficeDev/office-js#6687 reports that reading such a cell
 *   through `Range.formulas` returns the text WITHOUT the apostrophe, and writing that back turns it
 *   into a formula; the maintainers filed it as a feature request (closed), so the prefix does not
 *   survive a read-modify-write. The fake models exactly that: values/formulas read back without "'".
 * - Text number format "@": cells formatted as Text take whatever is entered as text (Excel's
 *   "Format numbers as text": apply the Text format *before* entering the value; formatting cells
 *   that already hold numbers does not convert them). The fake stores strings verbatim in "@" cells
 *   (no formula, no number parsing) and never converts an existing value when the format changes.
 *   Unverified detail: whether a leading apostrophe in an "@" cell is also consumed as a prefix;
 *   the fake consumes it, as typed input does in every format.
 * Conclusion for the shell: to keep user text as text, set numberFormat "@" on those cells first,
 * then write the values; the apostrophe prefix is lossy through the API.
 */
import { fail } from "./errors";
import { Cell, CellValue } from "./state";

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export interface Written {
  value: CellValue;
  formula?: string;
  quotePrefix?: boolean;
}

/** Returns undefined for `null`, which Excel treats as "leave this cell unchanged". */
export function interpretInput(input: unknown, numberFormat: string): Written | undefined {
  if (input === null) return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", "Cell values must be finite numbers.");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") return fail("InvalidArgument", `Unsupported cell value of type ${typeof input}.`);
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("=") && input.length > 1) return { value: input, formula: input };
  if (NUMERIC.test(input)) return { value: Number(input) };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) {
    const formula = `=${input}`;
    return { value: formula, formula };
  }
  return { value: input };
}

export function applyWritten(cell: Cell, w: Written): void {
  cell.value = w.value;
  if (w.formula === undefined) delete cell.formula;
  else cell.formula = w.formula;
  if (w.quotePrefix) cell.quotePrefix = true;
  else delete cell.quotePrefix;
}

export function formulaOf(cell: Cell | undefined): CellValue {
  if (cell === undefined) return "";
  return cell.formula ?? cell.value;
}

/** Display text; numbers are shown unformatted (number formats are stored, not rendered). */
export function textOf(cell: Cell | undefined): string {
  if (cell === undefined) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** A 2-D write must match the range's shape exactly; a lone scalar fills the whole range. */
export function expandToShape(input: unknown, rows: number, cols: number, what: string): unknown[][] {
  if (!Array.isArray(input)) {
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => input));
  }
  const ok =
    input.length === rows && input.every((r: unknown) => Array.isArray(r) && (r as unknown[]).length === cols);
  if (!ok) {
    const got = Array.isArray(input[0]) ? `${input.length}x${(input[0] as unknown[]).length}` : `${input.length}x?`;
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${rows}x${cols}, array ${got}).`,
    );
  }
  return input as unknown[][];
}
