import { MAX_COLS, MAX_ROWS } from "./limits";

/**
 * Ranges as ExcelJS 4.4.0 reads them (lib/utils/col-cache.js decodeAddress / decodeEx,
 * lib/xlsx/xform/book/defined-name-xform.js extractRanges). Ported rather than parsed strictly:
 * what matters is how many cells ExcelJS will walk for a ref, and ExcelJS is lenient — a ref a
 * strict parser would reject may still be expanded by it.
 */

/** One address as ExcelJS decodes it: column letters (A–Z only) before the first digit, then digits. */
export interface Address {
  col?: number;
  row?: number;
}

export function decodeAddress(value: string): Address {
  let hasCol = false;
  let hasRow = false;
  let col = 0;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) break; // "$" is skipped
  }
  return { col: hasCol ? col : undefined, row: hasRow ? row : undefined };
}

/** What ExcelJS does with a "[Sheet!]A1[:B2]" ref: the cells it walks one by one, and how far it reaches. */
export interface Area {
  /** cells ExcelJS expands for it: rows × columns for a range it accepts, 1 for a single cell */
  cells: number;
  /** the largest row and column it names (0 when none) */
  maxRow: number;
  maxCol: number;
}

const SHEET_AND_REF = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/;

export function areaOf(value: string): Area {
  const reference = SHEET_AND_REF.exec(value)?.[3] ?? "";
  const parts = reference.split(":");
  if (parts.length === 1) {
    const a = decodeAddress(reference);
    return { cells: 1, maxRow: a.row ?? 0, maxCol: a.col ?? 0 };
  }
  const tl = decodeAddress(parts[0]);
  const br = decodeAddress(parts[1]);
  const maxRow = Math.max(tl.row ?? 0, br.row ?? 0);
  const maxCol = Math.max(tl.col ?? 0, br.col ?? 0);
  // ExcelJS takes min/max of the two ends; a missing row or column makes them NaN and its loops
  // run zero times, and a top row of 0 is falsy, so it treats the ref as one cell
  if (tl.row === undefined || br.row === undefined || tl.col === undefined || br.col === undefined) return { cells: 1, maxRow, maxCol };
  const top = Math.min(tl.row, br.row);
  if (top === 0) return { cells: 1, maxRow, maxCol };
  const rows = Math.abs(br.row - tl.row) + 1;
  const cols = Math.abs(br.col - tl.col) + 1;
  return { cells: rows * cols, maxRow, maxCol };
}

/** ExcelJS's isValidRange: decodeEx throws only for a column past XFD. */
function acceptedByExcelJs(value: string): boolean {
  const reference = SHEET_AND_REF.exec(value)?.[3] ?? "";
  return reference
    .split(":")
    .slice(0, 2)
    .every((p) => (decodeAddress(p).col ?? 0) <= MAX_COLS);
}

/** The ranges ExcelJS keeps from a <definedName>'s text (split on commas, quoted sheet names kept whole). */
export function definedNameRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = "";
  for (const item of text.split(",")) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (acceptedByExcelJs(item)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && acceptedByExcelJs(item)) ranges.push(item);
    else if (quotesOpened && !even) {
      quotesOpened = false;
      if (acceptedByExcelJs(last + item)) ranges.push(last + item);
      last = "";
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

/** DefinedNames' model setter expands only ranges whose last part looks like $A$1 or $A$1:$B$2. */
const ABSOLUTE_REF = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

export function expandedByExcelJs(range: string): boolean {
  return ABSOLUTE_REF.test(range.split("!").pop() ?? "");
}

/**
 * Is the cell ref at `from` (letters of either case, as the streaming reader reads them, then
 * digits) inside XFD1048576? Read in place: a sheet has millions of them.
 */
export function refInBounds(s: string, from = 0): boolean {
  let i = from;
  let col = 0;
  for (let ch = s.charCodeAt(i) | 0x20; ch >= 97 && ch <= 122; ch = s.charCodeAt(++i) | 0x20) col = col * 26 + ch - 96;
  if (i - from > 3 || col > MAX_COLS) return false;
  let row = 0;
  for (let ch = s.charCodeAt(i); ch >= 48 && ch <= 57; ch = s.charCodeAt(++i)) row = row * 10 + ch - 48;
  return row <= MAX_ROWS;
}
