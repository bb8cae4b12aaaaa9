import type ExcelJS from "exceljs";
import type { CellValue } from "../core/plan/cells";

interface LoadedTable {
  table: { tableRef: string; autoFilterRef?: string; columns: unknown[] };
}

/**
 * Put rows into an existing table (from its first data row) and grow the table to hold them.
 * Used by the demo and by tests to build workbooks as a person would fill them in.
 */
export function fillTable(wb: ExcelJS.Workbook, tableName: string, rows: CellValue[][]): void {
  for (const ws of wb.worksheets) {
    const t = ws.getTable(tableName) as unknown as LoadedTable | undefined;
    if (!t) continue;
    const ref = t.table.tableRef;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`unexpected table ref ${ref}`);
    const firstCol = ws.getColumn(m[1]).number;
    const headerRow = Number(m[2]);
    rows.forEach((line, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      line.forEach((v, j) => {
        row.getCell(firstCol + j).value = v === "" ? null : v;
      });
    });
    const last = headerRow + Math.max(1, rows.length);
    t.table.tableRef = `${m[1]}${headerRow}:${m[3]}${last}`;
    t.table.autoFilterRef = t.table.tableRef;
    return;
  }
  throw new Error(`no table ${tableName}`);
}
