import type ExcelJS from "exceljs";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { toCellValue } from "./cell-value";
import { denseSheet, tableFromRef, type SparseRow } from "./sparse-sheet";

interface TableModelLike {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  columns: { name: string }[];
}

function tableSnapshot(model: TableModelLike): TableSnapshot | null {
  return tableFromRef(model.name, model.tableRef ?? model.ref, model.columns.map((c) => c.name));
}

/** One worksheet's used range as values, plus its tables. */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const tables: TableSnapshot[] = [];
  for (const t of ws.getTables() as unknown as { table?: TableModelLike }[]) {
    const s = t.table ? tableSnapshot(t.table) : null;
    if (s) tables.push(s);
  }
  // Only rows that exist are read: a sheet with one cell at A1048576 must not become a million ExcelJS rows.
  const rows = new Map<number, SparseRow>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: SparseRow = { cols: [], vals: [] };
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = toCellValue(cell.value);
      if (v === "") return;
      line.cols.push(c - 1);
      line.vals.push(v);
    });
    if (line.cols.length) rows.set(r - 1, line);
  });
  const protectedSheet = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  return denseSheet(ws.name, rows, tables, protectedSheet);
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = wb.worksheets.map(sheetSnapshot);
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}
