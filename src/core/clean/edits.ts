import type { CellValue } from "../plan/cells";

/** One cell Clean changes: its value before the run and after it (several steps fold into one). */
export interface CellEdit {
  row: number;
  col: number;
  old: CellValue;
  new: CellValue;
  /** number format to set with a number (the column's layout format), for the shells */
  numberFormat?: string;
}

const COLS = 16384; // Excel's column count: row * COLS + col is unique

/**
 * The cells of one sheet a run changes, keyed by position. A cell changed twice (normalised, then
 * a contact line appended) keeps its first old value and its last new value, so the log has one
 * row per cell and Undo writes each cell once.
 */
export class Edits {
  private readonly byCell = new Map<number, CellEdit>();

  set(row: number, col: number, old: CellValue, value: CellValue, numberFormat?: string): void {
    const k = row * COLS + col;
    const prev = this.byCell.get(k);
    if (prev) {
      prev.new = value;
      if (numberFormat !== undefined) prev.numberFormat = numberFormat;
      return;
    }
    const e: CellEdit = { row, col, old, new: value };
    if (numberFormat !== undefined) e.numberFormat = numberFormat;
    this.byCell.set(k, e);
  }

  /** The cell's value after the edits so far, or `fallback` (what the sheet holds) when untouched. */
  value(row: number, col: number, fallback: CellValue): CellValue {
    const e = this.byCell.get(row * COLS + col);
    return e ? e.new : fallback;
  }

  /** Edits that change something, in sheet order (row, then column). */
  list(): CellEdit[] {
    return [...this.byCell.values()].filter((e) => e.old !== e.new).sort((a, b) => a.row - b.row || a.col - b.col);
  }
}
