import type { CellValue } from "../core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { gridBytes } from "./text-cells";

/**
 * Reading a WorkbookSnapshot through Office.js in a constant number of requests.
 *
 * Request 1 loads names only (sheets, protection, tables with their row counts and column names,
 * charts): a request cannot call a method on a sheet it has not named yet. Request 2 loads every
 * sheet's used range (values only) with its position and every table's position, and, when the
 * tables' sizes say the answer fits, the values too. Only used ranges too big for one answer
 * (Excel on the web rejects responses over 5 MB; a range read is limited to 5M cells) are read
 * in row blocks, packed several to a request: the request count grows only past ~4 MB of values.
 */

/** A table as the shell needs it to apply plans: where it is, header row included. */
export interface TableLocation {
  name: string;
  sheet: string;
  row: number;
  col: number;
  /** rows including the header row */
  rowCount: number;
  colCount: number;
}

export interface ShellSnapshot {
  snapshot: WorkbookSnapshot;
  tables: TableLocation[];
  /** chart names per sheet */
  charts: Map<string, string[]>;
  /** requests the read used */
  syncs: number;
}

export interface ReadOptions {
  /** largest estimated response per request; Excel on the web rejects 5 MB */
  responseBudget?: number;
  /** first guess of the JSON bytes a cell takes; refined from what comes back */
  bytesPerCell?: number;
  /** the docs suggest blocks of 5k–20k rows for big reads */
  maxBlockRows?: number;
  /** a range read is limited to 5,000,000 cells */
  maxBlockCells?: number;
}

const DEFAULTS: Required<ReadOptions> = { responseBudget: 4_000_000, bytesPerCell: 20, maxBlockRows: 20_000, maxBlockCells: 1_000_000 };

interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  protected: boolean;
  tables: { name: string; dataRows: number; headers: string[] }[];
  charts: string[];
}

interface Used {
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: CellValue[][] | null;
}

function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : undefined;
}

const tooBig = (e: unknown) => errorCode(e) === "ResponsePayloadSizeLimitExceeded";

async function readNames(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load([
    "items/name",
    "items/protection/protected",
    "items/tables/items/name",
    "items/tables/items/rows/count",
    "items/tables/items/columns/items/name",
    "items/charts/items/name",
  ]);
  await context.sync();
  return sheets.items.map((ws) => ({
    ws,
    name: ws.name,
    protected: ws.protection.protected,
    tables: ws.tables.items.map((t) => ({ name: t.name, dataRows: t.rows.count, headers: t.columns.items.map((c) => c.name) })),
    charts: ws.charts.items.map((c) => c.name),
  }));
}

interface Positions {
  used: Used[];
  tables: TableLocation[][];
}

/** Request 2: used-range and table positions; values too for the sheets in `withValues`. */
async function readPositions(context: Excel.RequestContext, infos: SheetInfo[], withValues: Set<number>): Promise<Positions> {
  const usedRanges = infos.map((s, i) => {
    const r = s.ws.getUsedRangeOrNullObject(true);
    r.load(withValues.has(i) ? ["rowIndex", "columnIndex", "rowCount", "columnCount", "values"] : ["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return r;
  });
  const tableRanges = infos.map((s) =>
    s.tables.map((t) => {
      const r = s.ws.tables.getItem(t.name).getRange();
      r.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return r;
    }),
  );
  await context.sync();
  return {
    used: usedRanges.map((r, i) =>
      r.isNullObject
        ? { row: 0, col: 0, rows: 0, cols: 0, values: [] }
        : { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount, values: withValues.has(i) ? ((r.values as CellValue[][] | null) ?? null) : null },
    ),
    tables: tableRanges.map((rs, i) =>
      rs.map((r, j) => ({ name: infos[i].tables[j].name, sheet: infos[i].name, row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, colCount: r.columnCount })),
    ),
  };
}

interface Block {
  sheet: number;
  /** offset in rows from the used range's first row */
  offset: number;
  rows: number;
}

/**
 * Requests 3…: the remaining used ranges in row blocks. Each request is filled up to the budget
 * with the next rows, across sheets, sized by the bytes per cell seen so far.
 */
async function readBlocks(context: Excel.RequestContext, infos: SheetInfo[], used: Used[], o: Required<ReadOptions>, seenBytesPerCell: number | null): Promise<number> {
  // Cells differ a lot between sheets (Chinese text vs. figures): each sheet gets its own estimate
  // once a block of it came back; until then the largest seen anywhere, at least the default.
  const perSheet = new Map<number, number>();
  let largest = Math.max(seenBytesPerCell ?? 0, o.bytesPerCell);
  const estimate = (sheet: number) => perSheet.get(sheet) ?? largest;
  const grids = new Map<number, CellValue[][]>();
  const todo: Block[] = [];
  used.forEach((u, i) => {
    if (u.values !== null) return;
    grids.set(i, new Array<CellValue[]>(u.rows));
    todo.push({ sheet: i, offset: 0, rows: u.rows });
  });
  let syncs = 0;
  while (todo.length) {
    const batch: Block[] = [];
    let left = o.responseBudget;
    while (todo.length) {
      const next = todo[0];
      const cols = used[next.sheet].cols;
      const fit = Math.min(next.rows, o.maxBlockRows, Math.floor(o.maxBlockCells / cols), Math.floor(left / (cols * estimate(next.sheet))));
      if (fit < 1 && batch.length) break;
      const rows = Math.max(1, fit);
      batch.push({ sheet: next.sheet, offset: next.offset, rows });
      left -= rows * cols * estimate(next.sheet);
      if (rows === next.rows) todo.shift();
      else todo[0] = { sheet: next.sheet, offset: next.offset + rows, rows: next.rows - rows };
    }
    const ranges = batch.map((b) => {
      const u = used[b.sheet];
      return infos[b.sheet].ws.getRangeByIndexes(u.row + b.offset, u.col, b.rows, u.cols).load("values");
    });
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      // The guess of bytes per cell was low: ask again for less (reads change nothing).
      if (!tooBig(e) || batch.every((b) => b.rows === 1)) throw e;
      largest *= 2;
      for (const b of batch) perSheet.set(b.sheet, estimate(b.sheet) * 2);
      todo.unshift(...batch);
      continue;
    }
    batch.forEach((b, k) => {
      const values = ranges[k].values as CellValue[][];
      const grid = grids.get(b.sheet) as CellValue[][];
      for (let r = 0; r < b.rows; r++) grid[b.offset + r] = values[r];
      // What came back is the best estimate of what is still to come, with a margin.
      const seen = (gridBytes(values) / (b.rows * used[b.sheet].cols)) * 1.15;
      perSheet.set(b.sheet, Math.max(seen, 2));
      largest = Math.max(largest, seen);
    });
  }
  for (const [i, grid] of grids) used[i].values = grid;
  return syncs;
}

function estimateTables(info: SheetInfo, bytesPerCell: number): number {
  return info.tables.reduce((n, t) => n + (t.dataRows + 1) * t.headers.length * bytesPerCell, 0);
}

/**
 * A table's blank cells are not "used" for getUsedRange(valuesOnly), but the ExcelJS shell's
 * snapshot counts a table's whole range as used: pad with "" so both shells hand the core the same grid.
 */
function coverTables(u: Used, tables: TableLocation[]): { originRow: number; originCol: number; values: CellValue[][] } {
  const values = u.values ?? [];
  const hasValues = values.length > 0;
  let r1 = hasValues ? u.row : Infinity;
  let c1 = hasValues ? u.col : Infinity;
  let r2 = hasValues ? u.row + values.length - 1 : -1;
  let c2 = hasValues ? u.col + u.cols - 1 : -1;
  for (const t of tables) {
    r1 = Math.min(r1, t.row);
    c1 = Math.min(c1, t.col);
    r2 = Math.max(r2, t.row + t.rowCount - 1);
    c2 = Math.max(c2, t.col + t.colCount - 1);
  }
  if (r2 < 0) return { originRow: 0, originCol: 0, values: [] };
  if (hasValues && r1 === u.row && c1 === u.col && r2 === u.row + values.length - 1 && c2 === u.col + u.cols - 1) return { originRow: r1, originCol: c1, values };
  const grid: CellValue[][] = [];
  for (let r = r1; r <= r2; r++) {
    const src = values[r - u.row];
    const line = new Array<CellValue>(c2 - c1 + 1);
    for (let c = c1; c <= c2; c++) line[c - c1] = (src ? src[c - u.col] : undefined) ?? "";
    grid.push(line);
  }
  return { originRow: r1, originCol: c1, values: grid };
}

/** Read what the core's actions need: every sheet's used values, tables, protection and charts. */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ShellSnapshot> {
  const o = { ...DEFAULTS, ...options };
  const infos = await readNames(context);
  let syncs = 1;
  // Values come with the positions when the tables' sizes say they fit one answer; sheets without
  // tables are small in our layout (Summary), and a surprise only costs one more request.
  const withValues = new Set<number>();
  let budget = o.responseBudget;
  infos.forEach((info, i) => {
    const est = estimateTables(info, o.bytesPerCell);
    if (est <= budget) {
      withValues.add(i);
      budget -= est;
    }
  });
  let pos: Positions;
  try {
    syncs++;
    pos = await readPositions(context, infos, withValues);
  } catch (e) {
    if (!tooBig(e)) throw e;
    syncs++;
    pos = await readPositions(context, infos, new Set());
  }
  if (pos.used.some((u) => u.values === null)) {
    // Values already read tell how big a cell is in this workbook.
    let bytes = 0;
    let cells = 0;
    for (const u of pos.used) {
      if (u.values === null || u.rows * u.cols < 1000) continue;
      bytes += gridBytes(u.values);
      cells += u.rows * u.cols;
    }
    syncs += await readBlocks(context, infos, pos.used, o, cells ? (bytes / cells) * 1.15 : null);
  }

  const sheets: SheetSnapshot[] = infos.map((info, i) => {
    const u = pos.used[i];
    const tables: TableSnapshot[] = pos.tables[i].map((t, j) => ({
      name: t.name,
      headerRow: t.row,
      firstCol: t.col,
      rowCount: t.rowCount - 1,
      headers: info.tables[j].headers,
    }));
    return { name: info.name, ...coverTables(u, pos.tables[i]), tables, protected: info.protected };
  });
  return {
    snapshot: { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) },
    tables: pos.tables.flat(),
    charts: new Map(infos.map((s) => [s.name, s.charts])),
    syncs,
  };
}
