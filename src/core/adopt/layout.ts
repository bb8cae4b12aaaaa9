/**
 * Where a person's list sits on a sheet: its header row (found in the first rows of the used
 * range, under any title or blank rows), its columns and its last row. Shared by the proposal
 * (propose.ts) and the adoption plan (actions/adopt.ts), so both see the same rectangle.
 */
import type { CellValue } from "../plan/cells";
import type { SheetSnapshot } from "../plan/snapshot";
import { matchHeaderText } from "./header-match";
import { profileValues } from "./values";

export const HEADER_SEARCH_ROWS = 10;

export interface ListLayout {
  /** 0-based sheet row of the header row */
  headerRow: number;
  /** 0-based sheet column of the list's first column */
  firstCol: number;
  colCount: number;
  /** last sheet row holding anything (the header row when the list has no data) */
  lastRow: number;
  /** the header cells as they are, one per column */
  headers: CellValue[];
}

/** A cell of the used range by sheet index; "" outside it. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const line = sheet.values[row - sheet.originRow];
  if (!line) return "";
  const v = line[col - sheet.originCol];
  return v === undefined || v === null ? "" : v;
}

export function isBlank(v: CellValue): boolean {
  return v === "";
}

/** How much a row looks like a header row: known headers count, values (mobiles, dates, numbers) count against. */
function headerRowScore(cells: readonly CellValue[]): { score: number; matches: number } {
  let score = 0;
  let matches = 0;
  let filled = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    filled++;
    if (typeof v !== "string") {
      // numbers in a header row happen (years: 2023, 2024); in data rows they come with values
      score -= 0.5;
      continue;
    }
    const m = matchHeaderText(v);
    if (m && m.kind !== "fuzzy") {
      matches++;
      score += m.kind === "output" ? 0.5 : 1;
      continue;
    }
    const p = profileValues([v]);
    if (p.mobile || p.email || p.textDate || p.number || p.creditCode || p.company) {
      score -= 1;
      continue;
    }
    if (m && v.trim().length <= 16) {
      matches++;
      score += 0.6;
    }
  }
  // A lone cell (a title such as 2024年客户台账) is a weak header row whatever it says.
  if (filled <= 1) score *= 0.5;
  return { score, matches };
}

/** The list on a sheet, or null when no row of the first ones reads as a header row. */
export function findListLayout(sheet: SheetSnapshot): ListLayout | null {
  if (sheet.values.length === 0) return null;
  let best: { row: number; score: number } | null = null;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.values.length); i++) {
    const { score, matches } = headerRowScore(sheet.values[i] ?? []);
    if (matches > 0 && score > 0 && (!best || score > best.score)) best = { row: sheet.originRow + i, score };
  }
  if (!best) return null;
  const headerRow = best.row;
  let lastRow = headerRow;
  let minCol = Number.POSITIVE_INFINITY;
  let maxCol = Number.NEGATIVE_INFINITY;
  for (let r = headerRow; r < sheet.originRow + sheet.values.length; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    line.forEach((v, j) => {
      if (v === undefined || v === null || isBlank(v)) return;
      lastRow = r;
      minCol = Math.min(minCol, sheet.originCol + j);
      maxCol = Math.max(maxCol, sheet.originCol + j);
    });
  }
  const firstCol = minCol;
  const colCount = maxCol - minCol + 1;
  const headers: CellValue[] = [];
  for (let c = firstCol; c < firstCol + colCount; c++) headers.push(cellAt(sheet, headerRow, c));
  return { headerRow, firstCol, colCount, lastRow, headers };
}
