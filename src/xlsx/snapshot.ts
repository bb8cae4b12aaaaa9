import type ExcelJS from "exceljs";
import type { CellValue } from "../core/plan/cells";
import { parseCellAddress } from "../core/plan/a1";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";
import { toCellValue } from "./cell-value";

interface TableModelLike {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  columns: { name: string }[];
}

function tableSnapshot(model: TableModelLike): TableSnapshot | null {
  const ref = model.tableRef ?? model.ref;
  if (!ref) return null;
  const [a, b] = ref.split(":");
  const tl = parseCellAddress(a);
  const br = b ? parseCellAddress(b) : tl;
  return { name: model.name, headerRow: tl.row, firstCol: tl.col, rowCount: br.row - tl.row, headers: model.columns.map((c) => c.name) };
}

/** One worksheet's used range as values, plus its tables. */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const tables: TableSnapshot[] = [];
  for (const t of ws.getTables() as unknown as { table?: TableModelLike }[]) {
    const s = t.table ? tableSnapshot(t.table) : null;
    if (s) tables.push(s);
  }
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (toCellValue(cell.value) === "") return;
      minRow = Math.min(minRow, r - 1);
      maxRow = Math.max(maxRow, r - 1);
      minCol = Math.min(minCol, c - 1);
      maxCol = Math.max(maxCol, c - 1);
    });
  });
  for (const t of tables) {
    // A table's range is part of the used range even where its cells are blank.
    minRow = Math.min(minRow, t.headerRow);
    maxRow = Math.max(maxRow, t.headerRow + t.rowCount);
    minCol = Math.min(minCol, t.firstCol);
    maxCol = Math.max(maxCol, t.firstCol + t.headers.length - 1);
  }
  const values: CellValue[][] = [];
  if (maxRow >= 0) {
    for (let r = minRow; r <= maxRow; r++) {
      const row = ws.getRow(r + 1);
      const line: CellValue[] = new Array<CellValue>(maxCol - minCol + 1);
      for (let c = minCol; c <= maxCol; c++) line[c - minCol] = toCellValue(row.getCell(c + 1).value);
      values.push(line);
    }
  }
  const protectedSheet = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  return { name: ws.name, originRow: maxRow >= 0 ? minRow : 0, originCol: maxRow >= 0 ? minCol : 0, values, tables, protected: protectedSheet };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = wb.worksheets.map(sheetSnapshot);
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}
