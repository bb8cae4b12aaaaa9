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

/** Receives the changed cells of a sheet, in sheet order (row, then column). */
export type EditVisitor = (row: number, col: number, old: CellValue, value: CellValue, numberFormat: string | undefined) => void;

/**
 * One row's edits. `cells` is kept in column order (a row has a few dozen columns at most, so a
 * sorted array beats a map per row). `blank` is the row's cells as read when the whole row was
 * blanked (a merged-away customer), from sheet column `firstCol`: blanking is kept as this one
 * marker and expanded only when the changes are visited, because a merge of 100,000 customers
 * blanks millions of cells and one object per cell (plus a hash entry) was most of Clean's time
 * and memory.
 */
interface RowEdits {
  row: number;
  cells: CellEdit[] | null;
  blank: readonly CellValue[] | null;
  firstCol: number;
}

/**
 * The cells of one sheet a run changes, by row and column. A cell changed twice (normalised, then
 * a contact line appended) keeps its first old value and its last new value, so the log has one
 * row per cell and Undo writes each cell once.
 */
export class Edits {
  private readonly byRow = new Map<number, RowEdits>();

  set(row: number, col: number, old: CellValue, value: CellValue, numberFormat?: string): void {
    const r = this.rowEdits(row);
    const cells = r.cells ?? (r.cells = []);
    const at = position(cells, col);
    const prev = cells[at];
    if (prev && prev.col === col) {
      prev.new = value;
      if (numberFormat !== undefined) prev.numberFormat = numberFormat;
      return;
    }
    const e: CellEdit = { row, col, old, new: value };
    if (numberFormat !== undefined) e.numberFormat = numberFormat;
    if (at === cells.length) cells.push(e);
    else cells.splice(at, 0, e);
  }

  /** Whether any cell of the row is edited: an untouched row's values are the sheet's. */
  touches(row: number): boolean {
    return this.byRow.has(row);
  }

  /** The cell's value after the edits so far, or `fallback` (what the sheet holds) when untouched. */
  value(row: number, col: number, fallback: CellValue): CellValue {
    const r = this.byRow.get(row);
    if (!r) return fallback;
    const e = r.cells ? edit(r.cells, col) : undefined;
    const line = r.blank;
    if (line) {
      const j = col - r.firstCol;
      if (j >= 0 && j < line.length && (line[j] !== undefined || j in line) && blanks(line[j], e)) return "";
    }
    return e ? e.new : fallback;
  }

  /**
   * Blanks the row: every cell of `line` (the row as read, from sheet column `firstCol`) that holds
   * a value, or was given one by an earlier edit, becomes "" — the same as `set(row, col, line[j], "")`
   * on each of those cells, recorded as one marker.
   */
  blankRow(row: number, line: readonly CellValue[], firstCol: number): void {
    const r = this.rowEdits(row);
    r.blank = line;
    r.firstCol = firstCol;
  }

  /** Visits the edits that change something, in sheet order (row, then column). */
  visit(visitor: EditVisitor): void {
    const rows = [...this.byRow.values()].sort((a, b) => a.row - b.row);
    for (const r of rows) visitRow(r, visitor);
  }

  /** How many cells visit() visits, without ordering the rows: to size what is built from them. */
  count(): number {
    let n = 0;
    const counter = () => {
      n++;
    };
    for (const r of this.byRow.values()) {
      const line = r.blank;
      if (line && !r.cells) {
        // A blanked row with no earlier edit (the common case): its non-blank cells.
        for (let j = 0; j < line.length; j++) {
          const v = line[j];
          if (v !== "" && (v !== undefined || j in line)) n++;
        }
      } else visitRow(r, counter);
    }
    return n;
  }

  /** The row's edits; a blanked row is first expanded into per-cell edits, so a later edit lands on them. */
  private rowEdits(row: number): RowEdits {
    const r = this.byRow.get(row);
    if (!r) {
      const fresh: RowEdits = { row, cells: null, blank: null, firstCol: 0 };
      this.byRow.set(row, fresh);
      return fresh;
    }
    const line = r.blank;
    if (line) {
      r.blank = null;
      line.forEach((v, j) => {
        const col = r.firstCol + j;
        if (v !== "" || this.value(row, col, v) !== "") this.set(row, col, v, "");
      });
    }
    return r;
  }
}

/** Visits a row's edits that change something, in column order. */
function visitRow(r: RowEdits, visitor: EditVisitor): void {
  const { row, blank: line } = r;
  const cells = r.cells ?? [];
  if (!line) {
    for (const e of cells) changed(e, visitor);
    return;
  }
  // The row's cells merged with its earlier edits, column by column.
  let k = 0;
  for (let j = 0; j < line.length; j++) {
    const col = r.firstCol + j;
    while (k < cells.length && cells[k].col < col) changed(cells[k++], visitor);
    const e = k < cells.length && cells[k].col === col ? cells[k++] : undefined;
    const v = line[j];
    if (v === undefined && !(j in line)) {
      if (e) changed(e, visitor);
    } else if (e === undefined) {
      if (v !== "") visitor(row, col, v, "", undefined);
    } else if (blanks(v, e)) {
      if (e.old !== "") visitor(row, col, e.old, "", e.numberFormat);
    } else changed(e, visitor);
  }
  while (k < cells.length) changed(cells[k++], visitor);
}

/** Where `col` is or would go in a row's edits (kept in column order). */
function position(cells: readonly CellEdit[], col: number): number {
  let lo = 0;
  let hi = cells.length;
  // Edits mostly arrive left to right: try the end first.
  if (hi > 0 && cells[hi - 1].col < col) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function edit(cells: readonly CellEdit[], col: number): CellEdit | undefined {
  const e = cells[position(cells, col)];
  return e && e.col === col ? e : undefined;
}

function changed(e: CellEdit, visitor: EditVisitor): void {
  if (e.old !== e.new) visitor(e.row, e.col, e.old, e.new, e.numberFormat);
}

/** Whether blanking a cell holding `v` (and edited to `e`, if it was) writes "" to it. */
function blanks(v: CellValue, e: CellEdit | undefined): boolean {
  return v !== "" || (e ? e.new : v) !== "";
}
