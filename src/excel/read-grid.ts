import type { CellValue } from "../core/plan/cells";

/** A sheet's used range (values only) as request 2 found it; `values` null until read. */
export interface Used {
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: CellValue[][] | null;
}

export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface Grid {
  originRow: number;
  originCol: number;
  values: CellValue[][];
}

/** The used range and every table together: a table's blank cells are not "used" for getUsedRange(valuesOnly). */
function bounds(u: Used, tables: readonly Rect[]): { r1: number; c1: number; r2: number; c2: number } | null {
  const has = u.rows > 0;
  let r1 = has ? u.row : Infinity;
  let c1 = has ? u.col : Infinity;
  let r2 = has ? u.row + u.rows - 1 : -1;
  let c2 = has ? u.col + u.cols - 1 : -1;
  for (const t of tables) {
    r1 = Math.min(r1, t.row);
    c1 = Math.min(c1, t.col);
    r2 = Math.max(r2, t.row + t.rowCount - 1);
    c2 = Math.max(c2, t.col + t.colCount - 1);
  }
  return r2 < 0 ? null : { r1, c1, r2, c2 };
}

/**
 * The used values padded with "" to cover the sheet's tables: the ExcelJS shell's snapshot counts
 * a table's whole range as used, so both shells hand the core the same grid.
 */
export function coverTables(u: Used, tables: readonly Rect[]): Grid {
  const values = u.values ?? [];
  const b = bounds({ ...u, rows: values.length ? u.rows : 0 }, tables);
  if (!b) return { originRow: 0, originCol: 0, values: [] };
  if (values.length && b.r1 === u.row && b.c1 === u.col && b.r2 === u.row + values.length - 1 && b.c2 === u.col + u.cols - 1) return { originRow: b.r1, originCol: b.c1, values };
  const grid: CellValue[][] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    const src = values[r - u.row];
    const line = new Array<CellValue>(b.c2 - b.c1 + 1);
    for (let c = b.c1; c <= b.c2; c++) line[c - b.c1] = (src ? src[c - u.col] : undefined) ?? "";
    grid.push(line);
  }
  return { originRow: b.r1, originCol: b.c1, values: grid };
}

/** A grid of the size `coverTables` would give, every cell "": the cells a projected read fills in. */
export function blankCover(u: Used, tables: readonly Rect[]): Grid {
  const b = bounds(u, tables);
  if (!b) return { originRow: 0, originCol: 0, values: [] };
  const width = b.c2 - b.c1 + 1;
  const values: CellValue[][] = [];
  for (let r = b.r1; r <= b.r2; r++) values.push(new Array<CellValue>(width).fill(""));
  return { originRow: b.r1, originCol: b.c1, values };
}

/** Put a value at a sheet position of the grid (positions outside it are ignored: nothing was used there). */
export function put(g: Grid, row: number, col: number, v: CellValue | undefined | null): void {
  const line = g.values[row - g.originRow];
  if (!line || col < g.originCol || col - g.originCol >= line.length) return;
  line[col - g.originCol] = v ?? "";
}
