import type { CellValue } from "./cells";

/** An Excel table (ListObject) found on a sheet. Rows and columns are 0-based sheet indexes. */
export interface TableSnapshot {
  name: string;
  /** header row index on the sheet */
  headerRow: number;
  firstCol: number;
  /** data rows, header excluded */
  rowCount: number;
  headers: string[];
}

/** What a shell read of one worksheet: its used range (values only) and its tables. */
export interface SheetSnapshot {
  name: string;
  /** top-left of `values` on the sheet, 0-based; (0,0) when the sheet is empty */
  originRow: number;
  originCol: number;
  /** the used range, rectangular; [] for an empty sheet */
  values: CellValue[][];
  tables: TableSnapshot[];
  protected?: boolean;
}

/**
 * The part of a workbook an action needs, read by a shell in one pass.
 * `tableNames` covers every table in the workbook (names are workbook-wide in Excel).
 */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tableNames: string[];
}

export function findSheet(snapshot: WorkbookSnapshot, names: readonly string[]): SheetSnapshot | undefined {
  for (const n of names) {
    const s = snapshot.sheets.find((sh) => sh.name === n);
    if (s) return s;
  }
  return undefined;
}

export function findTable(snapshot: WorkbookSnapshot, tableName: string): { sheet: SheetSnapshot; table: TableSnapshot } | undefined {
  for (const sheet of snapshot.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
    if (table) return { sheet, table };
  }
  return undefined;
}

/**
 * The widest row of a sheet's used range, in columns. A loop, not Math.max(...rows): spreading
 * one argument per row overflows the call stack on tall sheets (about 125,000 rows and up).
 */
export function usedWidth(sheet: SheetSnapshot): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return w;
}
