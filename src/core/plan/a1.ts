import type { CellRange } from "./cells";

/** 0-based column index → letters (0 → A, 26 → AA). */
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

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rangeAddress(r: CellRange, absolute = false): string {
  const a = cellAddress(r.row, r.col, absolute);
  if (r.rowCount === 1 && r.colCount === 1) return a;
  return `${a}:${cellAddress(r.row + r.rowCount - 1, r.col + r.colCount - 1, absolute)}`;
}

/** Sheet names with anything but letters, digits and _ are quoted; quotes are doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRangeRef(sheet: string, r: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeAddress(r, true)}`;
}

export function parseCellAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
