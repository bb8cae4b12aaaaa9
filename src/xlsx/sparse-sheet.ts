import type { CellValue } from "../core/plan/cells";
import { parseCellAddress } from "../core/plan/a1";
import type { SheetSnapshot, TableSnapshot } from "../core/plan/snapshot";

/** The non-blank cells of one sheet row, as either reader (ExcelJS or the package scanner) finds them. */
export interface SparseRow {
  cols: number[];
  vals: CellValue[];
}

/** Shared by every blank row of every snapshot; frozen so no caller can write into it. */
const EMPTY_LINE = Object.freeze([]) as unknown as CellValue[];

/** A table from its "A1:D4" ref (header row included). */
export function tableFromRef(name: string, ref: string | undefined, headers: string[]): TableSnapshot | null {
  if (!ref) return null;
  const [a, b] = ref.split(":");
  const tl = parseCellAddress(a);
  const br = b ? parseCellAddress(b) : tl;
  return { name, headerRow: tl.row, firstCol: tl.col, rowCount: br.row - tl.row, headers };
}

/**
 * The snapshot of a sheet from its sparse rows: the used range is the cells that hold something
 * plus every table's range; blank rows inside it share one empty line, so a sheet with one cell
 * at A1048576 costs a million references, not a million rows of cells.
 */
export function denseSheet(name: string, rows: Map<number, SparseRow>, tables: TableSnapshot[], isProtected: boolean): SheetSnapshot {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  for (const [r, line] of rows) {
    if (line.cols.length === 0) continue;
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
    for (const c of line.cols) {
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    }
  }
  for (const t of tables) {
    minRow = Math.min(minRow, t.headerRow);
    maxRow = Math.max(maxRow, t.headerRow + t.rowCount);
    minCol = Math.min(minCol, t.firstCol);
    maxCol = Math.max(maxCol, t.firstCol + t.headers.length - 1);
  }
  const values: CellValue[][] = [];
  if (maxRow >= 0) {
    const width = maxCol - minCol + 1;
    for (let r = minRow; r <= maxRow; r++) {
      const got = rows.get(r);
      if (!got || got.cols.length === 0) {
        values.push(EMPTY_LINE);
        continue;
      }
      const line = new Array<CellValue>(width).fill("");
      for (let i = 0; i < got.cols.length; i++) line[got.cols[i] - minCol] = got.vals[i];
      values.push(line);
    }
  }
  return { name, originRow: maxRow >= 0 ? minRow : 0, originCol: maxRow >= 0 ? minCol : 0, values, tables, protected: isProtected };
}
