/** A1 addresses ↔ zero-based rectangles. Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
import { fail } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectName(r: Rect): string {
  const a = cellName(r.row, r.col);
  if (r.rows === 1 && r.cols === 1) return a;
  // Whole columns/rows print as Excel prints them ("A:A", "1:1").
  if (r.row === 0 && r.rows === MAX_ROWS) return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  if (r.col === 0 && r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  return `${a}:${cellName(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Excel quotes sheet names that are not plain identifiers or that look like references. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (plain && !looksLikeRef) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheetName(sheet)}!${rectName(r)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

function part(p: string): { row?: number; col?: number } {
  let m = CELL.exec(p);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COL.exec(p);
  if (m) return { col: columnIndex(m[1]) };
  m = ROW.exec(p);
  if (m) return { row: Number(m[1]) - 1 };
  return fail("InvalidArgument", `Invalid address part '${p}'.`);
}

/** Parses "A1", "A1:C3", "$A$1", "A:C", "2:5", optionally prefixed with "Sheet1!" or "'My sheet'!". */
export function parseAddress(address: string): ParsedAddress {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  if (text.length === 0) fail("InvalidArgument", `Invalid address '${address}'.`);
  const [a, b = a] = text.split(":");
  const p = part(a);
  const q = part(b);
  const wholeCols = p.row === undefined && q.row === undefined;
  const wholeRows = p.col === undefined && q.col === undefined;
  if ((p.row === undefined) !== (q.row === undefined) || (p.col === undefined) !== (q.col === undefined)) {
    fail("InvalidArgument", `Invalid address '${address}'.`);
  }
  const r1 = wholeCols ? 0 : Math.min(p.row ?? 0, q.row ?? 0);
  const r2 = wholeCols ? MAX_ROWS - 1 : Math.max(p.row ?? 0, q.row ?? 0);
  const c1 = wholeRows ? 0 : Math.min(p.col ?? 0, q.col ?? 0);
  const c2 = wholeRows ? MAX_COLS - 1 : Math.max(p.col ?? 0, q.col ?? 0);
  if (r2 >= MAX_ROWS || c2 >= MAX_COLS || r1 < 0 || c1 < 0) fail("InvalidArgument", `Address '${address}' is off the sheet.`);
  return { sheet, rect: { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 } };
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const cEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rEnd <= row || cEnd <= col) return null;
  return { row, col, rows: rEnd - row, cols: cEnd - col };
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

export function checkOnSheet(r: Rect): Rect {
  if (r.rows < 1 || r.cols < 1 || r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
    fail("InvalidArgument", "The range is off the sheet or empty.");
  }
  return r;
}
