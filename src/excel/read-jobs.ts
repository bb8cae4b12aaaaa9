import type { NeededColumn } from "../core/actions/score-reads";
import type { CellValue } from "../core/plan/cells";
import type { CellSizes } from "./cell-sizes";
import { runsOf, type TableInfo } from "./read-names";
import type { RequestScope, ValueJob } from "./read-values";

/**
 * The three kinds of rectangles a read fetches in row blocks: some columns of a table, whole rows
 * of a table, and a sheet's used range. Table reads are addressed from the table's range
 * (`workbook.tables.getItem(name).getRange()`, then `getCell` / `getResizedRange`, ExcelApi
 * 1.1 / 1.2), so they need no position and can travel in the request that asks for positions.
 */

/** A table read by column: what came back so far. */
export interface ProjectedTable {
  sheet: number;
  table: TableInfo;
  columns: NeededColumn[];
  /** column index → the body rows' values (holes: not read yet) */
  cells: Map<number, CellValue[]>;
  /** body row → every cell of the row, for rows whose needed cells are all blank (from the lead rows, or read whole) */
  full: Map<number, CellValue[]>;
  header: CellValue[] | null;
  /** body rows read by column and not yet checked for blank needed cells: [from, count] */
  unchecked: [number, number][];
}

export function tableRange(scope: RequestScope, name: string): Excel.Range {
  return scope.range(`table\u0000${name}`, () => scope.context.workbook.tables.getItem(name).getRange());
}

export const columnKey = (table: string, index: number) => `${table.toLowerCase()}\u0000${index}`;

/** The needed columns of a table's body rows [start, bodyRows). */
export function columnsJob(p: ProjectedTable, start: number, sizes: CellSizes): ValueJob {
  const runs = runsOf(p.columns.map((c) => c.index));
  const name = p.table.name;
  return {
    rows: p.table.bodyRows - start,
    width: p.columns.length,
    bytesPerRow: () => 3 + runs.length * 3 + p.columns.reduce((n, c) => n + sizes.column(columnKey(name, c.index), c.def), 0),
    queue: (scope, from, count) =>
      runs.map((run) => tableRange(scope, name).getCell(1 + start + from, run.from).getResizedRange(count - 1, run.count - 1).load("values")),
    take: (from, count, grids) => {
      runs.forEach((run, k) => {
        const grid = grids[k];
        for (let j = 0; j < run.count; j++) {
          const col = p.cells.get(run.from + j) as CellValue[];
          const seen = new Array<CellValue>(count);
          for (let i = 0; i < count; i++) col[start + from + i] = seen[i] = grid[i][j];
          const def = p.columns.find((c) => c.index === run.from + j)?.def;
          sizes.measure(columnKey(name, run.from + j), def, seen);
        }
      });
      p.unchecked.push([start + from, count]);
    },
  };
}

/** Every cell of some consecutive body rows of a table (rows whose needed cells were all blank). */
export function rowsJob(p: ProjectedTable, first: number, rows: number, sizes: CellSizes): ValueJob {
  const width = p.table.headers.length;
  return {
    rows,
    width,
    bytesPerRow: () => 3 + width * sizes.any(),
    queue: (scope, from, count) => [tableRange(scope, p.table.name).getCell(1 + first + from, 0).getResizedRange(count - 1, width - 1).load("values")],
    take: (from, count, grids) => {
      for (let i = 0; i < count; i++) p.full.set(first + from + i, grids[0][i]);
    },
  };
}

/** A sheet's used range, in row blocks (positions known). */
export function sheetJob(ws: Excel.Worksheet, key: string, at: { row: number; col: number; rows: number; cols: number }, into: CellValue[][], sizes: CellSizes): ValueJob {
  return {
    rows: at.rows,
    width: at.cols,
    bytesPerRow: () => 3 + at.cols * sizes.column(key, undefined),
    queue: (_scope, from, count) => [ws.getRangeByIndexes(at.row + from, at.col, count, at.cols).load("values")],
    take: (from, count, grids) => {
      for (let i = 0; i < count; i++) into[from + i] = grids[0][i];
      sizes.measure(key, undefined, grids[0].flat(), false);
    },
  };
}
