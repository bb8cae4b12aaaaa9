import type { ColumnDef, SheetId, TableId } from "../layout/types";
import { sheetNames } from "../layout/sheets";
import type { CellValue } from "../plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../plan/snapshot";
import { findTable, usedWidth } from "../plan/snapshot";
import { buildHeaderIndex, mapHeaderRow, type HeaderIndex } from "./headers";

/** Where a logical table sits in a workbook, as a grid of sheet-indexed rows. */
export interface LocatedTable {
  sheet: SheetSnapshot;
  /** the Excel table's name when the data is a table; null for a plain range */
  tableName: string | null;
  headerRow: number;
  firstCol: number;
  colCount: number;
  headers: string[];
  /** column id → 0-based sheet column */
  columns: Map<string, number>;
  /** last sheet row of the table or range (the header row when it has no data rows) */
  lastRow: number;
  /** data rows: sheet row index and that row's cells (relative to firstCol); made on first use */
  rows: { row: number; cells: CellValue[] }[];
  /** the same data rows as two parallel arrays (sheet row, cells): no object per row */
  dataRows: Int32Array;
  dataCells: CellValue[][];
}

const HEADER_SEARCH_ROWS = 10;

/** Cells of the used range for a sheet-indexed rectangle, "" outside the used range. */
function cellsOf(sheet: SheetSnapshot, row: number, firstCol: number, colCount: number): CellValue[] {
  const r = sheet.values[row - sheet.originRow];
  // The common case, a table starting at the used range's left edge: share the row, no copy.
  if (r && firstCol === sheet.originCol && r.length >= colCount) return r;
  const out: CellValue[] = new Array<CellValue>(colCount);
  for (let i = 0; i < colCount; i++) {
    const v = r ? r[firstCol + i - sheet.originCol] : undefined;
    out[i] = v === undefined || v === null ? "" : v;
  }
  return out;
}

function hasAny(cells: readonly CellValue[], colCount: number): boolean {
  for (let i = 0; i < colCount; i++) {
    const v = cells[i];
    if (v !== "" && v !== undefined && v !== null) return true;
  }
  return false;
}

function rowsBelow(sheet: SheetSnapshot, headerRow: number, firstCol: number, colCount: number, lastRow: number): { rows: Int32Array; cells: CellValue[][] } {
  const rows = new Int32Array(Math.max(0, lastRow - headerRow));
  const cells: CellValue[][] = [];
  let n = 0;
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const c = cellsOf(sheet, row, firstCol, colCount);
    // Blank rows inside a plain range are skipped, not treated as the end: lists have gaps.
    if (hasAny(c, colCount)) {
      rows[n++] = row;
      cells.push(c);
    }
  }
  return { rows: n === rows.length ? rows : rows.slice(0, n), cells };
}

/**
 * A located table. `rows` pairs each data row with its cells as one object; 100,000-row readers
 * use the parallel arrays instead, so the objects are made only for callers that ask for them.
 */
function located(t: Omit<LocatedTable, "rows" | "dataRows" | "dataCells">, below: { rows: Int32Array; cells: CellValue[][] }): LocatedTable {
  let rows: LocatedTable["rows"] | null = null;
  return {
    ...t,
    dataRows: below.rows,
    dataCells: below.cells,
    get rows() {
      if (rows === null) {
        rows = new Array<{ row: number; cells: CellValue[] }>(below.cells.length);
        for (let i = 0; i < rows.length; i++) rows[i] = { row: below.rows[i], cells: below.cells[i] };
      }
      return rows;
    },
  };
}

function fromIndex(index: HeaderIndex, headers: string[], firstCol: number): Map<string, number> {
  const { byId } = mapHeaderRow(index, headers);
  const columns = new Map<string, number>();
  for (const [id, i] of byId) columns.set(id, firstCol + i);
  return columns;
}

/**
 * Find a table by its Excel table name first (wherever it is), then by sheet name with the
 * header row detected in the first rows of the used range (the row matching most columns).
 */
export function locateTable(snapshot: WorkbookSnapshot, tableId: TableId, sheetId: SheetId, columns: readonly ColumnDef[], required: string): LocatedTable | null {
  const index = buildHeaderIndex(columns);
  const found = findTable(snapshot, tableId);
  if (found) {
    const { sheet, table } = found;
    const lastRow = table.headerRow + table.rowCount;
    return located(
      {
        sheet,
        tableName: table.name,
        headerRow: table.headerRow,
        firstCol: table.firstCol,
        colCount: table.headers.length,
        headers: table.headers,
        columns: fromIndex(index, table.headers, table.firstCol),
        lastRow,
      },
      rowsBelow(sheet, table.headerRow, table.firstCol, table.headers.length, lastRow),
    );
  }
  const names = sheetNames(sheetId);
  const sheet = snapshot.sheets.find((s) => names.includes(s.name));
  if (!sheet) return null;
  return locateInRange(sheet, index, required);
}

export function locateInRange(sheet: SheetSnapshot, index: HeaderIndex, required: string): LocatedTable | null {
  if (sheet.values.length === 0) return null;
  const width = usedWidth(sheet);
  let best: { row: number; score: number; headers: string[] } | null = null;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, sheet.values.length); i++) {
    const headers = sheet.values[i].map((v) => (typeof v === "string" ? v.trim() : String(v)));
    const { byId } = mapHeaderRow(index, headers);
    const score = byId.size + (byId.has(required) ? 100 : 0);
    if (byId.size > 0 && (!best || score > best.score)) best = { row: sheet.originRow + i, score, headers };
  }
  if (!best) return null;
  const headers = [...best.headers, ...new Array<string>(Math.max(0, width - best.headers.length)).fill("")];
  const lastRow = sheet.originRow + sheet.values.length - 1;
  return located(
    { sheet, tableName: null, headerRow: best.row, firstCol: sheet.originCol, colCount: width, headers, columns: fromIndex(index, headers, sheet.originCol), lastRow },
    rowsBelow(sheet, best.row, sheet.originCol, width, lastRow),
  );
}
