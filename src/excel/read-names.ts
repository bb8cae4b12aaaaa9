import type { CellValue } from "../core/plan/cells";
import { errorCode } from "./office-errors";

/**
 * Request 1 of a read: every sheet's name and protection, its tables (names, row counts, column
 * names) and charts. A request cannot call a method on a sheet it has not named yet, so positions
 * and values wait for request 2 — except for one table the action cannot do without, whose first
 * rows (every column) can travel with the names: tables are found by name workbook-wide
 * (`workbook.tables.getItem`, ExcelApi 1.1), so no sheet name is needed. When that table does not
 * exist the request fails (ItemNotFound) and the names are asked for again alone.
 */

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

/** The lead table's header row and first body rows, every column. */
export interface LeadRows {
  table: string;
  values: CellValue[][];
}

export interface Names {
  sheets: SheetInfo[];
  lead: LeadRows | null;
  syncs: number;
}

/**
 * Body rows read with the names. Enough that, past them, the rest of a 10,000-customer ledger's
 * needed columns fits one more answer; few enough (≈1.5 MB of demo data, 33 columns) that only a
 * table of unusually long texts makes this answer pass Excel's 5 MB and cost the retry.
 */
export const LEAD_ROWS = 4000;

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

export async function readNames(context: Excel.RequestContext, lead?: string, leadRows = LEAD_ROWS): Promise<Names> {
  if (lead !== undefined && leadRows > 0) {
    const sheets = queueNames(context);
    const range = context.workbook.tables.getItem(lead).getRange();
    // Header row and up to leadRows rows below it, never past the table (ExcelApi 1.1 / 1.2).
    const rows = range.getIntersection(range.getRow(0).getResizedRange(leadRows, 0)).load("values");
    try {
      await context.sync();
      return { sheets: infos(sheets), lead: { table: lead, values: rows.values as CellValue[][] }, syncs: 1 };
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
