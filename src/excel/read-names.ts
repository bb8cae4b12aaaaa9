import type { CellValue } from "../core/plan/cells";
import { errorCode } from "./office-errors";

/**
 * Request 1 of a read: every sheet's name and protection, its tables (names, row counts, column
 * names) and charts. A request cannot call a method on a sheet it has not named yet, so positions
 * and values wait for request 2 — except for one table the action cannot do without, whose first
 * rows can travel with the names: tables are found by name workbook-wide
 * (`workbook.tables.getItem`, ExcelApi 1.1), so no sheet name is needed. Which of its columns the
 * action needs is known only once its headers are, so the lead asks for the columns where the
 * action's own template puts them; the answer says what the columns really hold (request 1 also
 * brings the headers), and the caller keeps only the columns that are what it needs. When that
 * table does not exist the request fails (ItemNotFound) and the names are asked for again alone.
 */

/** The table to start reading with the names, and the columns (0-based, in the table) to read of it. */
export interface LeadGuess {
  table: string;
  columns: readonly number[];
}

export interface TableInfo {
  name: string;
  /** rows below the header row, the totals row included when shown: what the table's range holds */
  bodyRows: number;
  headers: string[];
}

export interface SheetInfo {
  ws: Excel.Worksheet;
  name: string;
  protected: boolean;
  tables: TableInfo[];
  charts: string[];
}

/** The lead table's header row and first body rows, in the guessed columns. */
export interface LeadRows {
  table: string;
  /** body rows read (the same for every column) */
  rows: number;
  /** table column index → its cells, header first */
  columns: Map<number, CellValue[]>;
}

export interface Names {
  sheets: SheetInfo[];
  lead: LeadRows | null;
  syncs: number;
}

/**
 * Body rows read with the names. Enough that, past them, the rest of a 20,000-customer ledger's
 * needed columns and its Behaviour and Interactions rows fit one more answer; few enough (≈3 MB
 * of demo data: 15 of 33 columns, 191 bytes a row) that only rows of over 300 bytes in those
 * columns make this answer pass Excel's 5 MB and cost the retry.
 */
export const LEAD_ROWS = 16_000;

/** Runs of adjacent column indexes (sorted, each once): one range each. */
export function runsOf(columns: readonly number[]): { from: number; count: number }[] {
  const runs: { from: number; count: number }[] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === c) last.count++;
    else runs.push({ from: c, count: 1 });
  }
  return runs;
}

function queueNames(context: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = context.workbook.worksheets;
  sheets.load([
    "items/name",
    "items/protection/protected",
    "items/tables/items/name",
    "items/tables/items/showTotals",
    "items/tables/items/rows/count",
    "items/tables/items/columns/items/name",
    "items/charts/items/name",
  ]);
  return sheets;
}

function infos(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items.map((ws) => ({
    ws,
    name: ws.name,
    protected: ws.protection.protected,
    tables: ws.tables.items.map((t) => ({ name: t.name, bodyRows: t.rows.count + (t.showTotals ? 1 : 0), headers: t.columns.items.map((c) => c.name) })),
    charts: ws.charts.items.map((c) => c.name),
  }));
}

/**
 * What a failed guess at the lead table looks like: it is missing, its rows are too long for one
 * answer, or (a table at the very bottom of the sheet) the rows below it are off the grid. Any
 * other failure is the request's own and is reported.
 */
function guessFailed(e: unknown): boolean {
  const code = errorCode(e);
  return code === "ItemNotFound" || code === "ResponsePayloadSizeLimitExceeded" || code === "InvalidArgument";
}

export async function readNames(context: Excel.RequestContext, lead?: LeadGuess, leadRows = LEAD_ROWS): Promise<Names> {
  if (lead !== undefined && leadRows > 0 && lead.columns.length > 0) {
    const sheets = queueNames(context);
    const range = context.workbook.tables.getItem(lead.table).getRange();
    // Per run of columns: the header cell and up to leadRows rows below it, cut to the table
    // (ExcelApi 1.1 / 1.2; a run right of the table's last column meets nothing: null, ExcelApi 1.4).
    const runs = runsOf(lead.columns).map((run) => ({
      run,
      cells: range.getIntersectionOrNullObject(range.getCell(0, run.from).getResizedRange(leadRows, run.count - 1)).load("values"),
    }));
    try {
      await context.sync();
      const columns = new Map<number, CellValue[]>();
      let rows = 0;
      for (const { run, cells } of runs) {
        if (cells.isNullObject) continue;
        // The run starts inside the table, so the intersection keeps its left edge; only its right can be cut.
        const grid = cells.values as CellValue[][];
        rows = grid.length - 1;
        (grid[0] ?? []).forEach((_, j) => columns.set(run.from + j, grid.map((r) => r[j])));
      }
      return { sheets: infos(sheets), lead: { table: lead.table, rows, columns }, syncs: 1 };
    } catch (e) {
      if (!guessFailed(e)) throw e;
    }
    const again = queueNames(context);
    await context.sync();
    return { sheets: infos(again), lead: null, syncs: 2 };
  }
  const sheets = queueNames(context);
  await context.sync();
  return { sheets: infos(sheets), lead: null, syncs: 1 };
}
