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

/** Shared by every blank row of every snapshot; frozen so no caller can write into it. */
const EMPTY_LINE = Object.freeze([]) as unknown as CellValue[];

/** One worksheet's used range as values, plus its tables. */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const tables: TableSnapshot[] = [];
  for (const t of ws.getTables() as unknown as { table?: TableModelLike }[]) {
    const s = t.table ? tableSnapshot(t.table) : null;
    if (s) tables.push(s);
  }
  // Only rows that exist are read: a sheet with one cell at A1048576 must not become a million
  // ExcelJS rows. Blank rows inside the used range share one frozen empty line.
  const lines = new Map<number, CellValue[]>();
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    let line: CellValue[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = toCellValue(cell.value);
      if (v === "") return;
      (line ??= [])[c - 1] = v;
      minCol = Math.min(minCol, c - 1);
      maxCol = Math.max(maxCol, c - 1);
    });
    if (line) {
      lines.set(r - 1, line);
      minRow = Math.min(minRow, r - 1);
      maxRow = Math.max(maxRow, r - 1);
    }
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
    const width = maxCol - minCol + 1;
    for (let r = minRow; r <= maxRow; r++) {
      const src = lines.get(r);
      if (!src) {
        values.push(EMPTY_LINE);
        continue;
      }
      const line: CellValue[] = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) line[c] = src[c + minCol] ?? "";
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
