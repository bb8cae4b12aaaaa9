import { headerOf } from "../layout/sheets";
import { usedWidth } from "../plan/snapshot";
import type { ColumnDef, TableDef } from "../layout/types";
import type { LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import type { SheetPlan } from "../plan/types";
import { HEADER_FILL } from "./table-parts";

/**
 * An output column's values, one per data row of the table, in the table's order (the order of
 * `table.dataRows`); a missing value is written as a blank.
 */
export type OutputValues = Readonly<Record<string, readonly (CellValue | undefined)[]>>;

/**
 * Write the add-in's output columns of a table in place. Columns the table lacks are added at its
 * right (an Excel table is extended; a plain range gets headers), after the last used column, so no
 * cell a person typed is ever covered. Returns each output column's sheet column.
 */
export function writeOutputColumns(sp: SheetPlan, table: LocatedTable, def: TableDef, values: OutputValues, lang: Lang): Map<string, number> {
  const outputs = def.columns.filter((c) => c.output);
  const where = new Map<string, number>();
  const missing: ColumnDef[] = [];
  for (const c of outputs) {
    const col = table.columns.get(c.id);
    if (col === undefined) missing.push(c);
    else where.set(c.id, col);
  }
  if (missing.length) {
    const usedRight = table.sheet.originCol + usedWidth(table.sheet);
    const tableRight = table.firstCol + table.colCount;
    const first = table.tableName ? tableRight : Math.max(tableRight, usedRight);
    missing.forEach((c, i) => where.set(c.id, first + i));
    const headers = missing.map((c) => headerOf(c, lang));
    if (table.tableName && first === tableRight) {
      sp.tables.push({ name: table.tableName, mode: "extend", range: { row: table.headerRow, col: table.firstCol, rowCount: table.lastRow - table.headerRow + 1, colCount: table.colCount + missing.length }, headers, style: def.style });
    } else {
      sp.writes.push({ row: table.headerRow, col: first, kind: "values", values: [headers] });
    }
    sp.formats.push({ range: { row: table.headerRow, col: first, rowCount: 1, colCount: missing.length }, fill: HEADER_FILL.output, fontColor: "#FFFFFF", bold: true });
    missing.forEach((c, i) => sp.columnWidths.push({ col: first + i, width: c.width }));
  }
  const { dataRows } = table;
  if (dataRows.length === 0) return where;
  const firstRow = table.headerRow + 1;
  const lastRow = dataRows[dataRows.length - 1];
  // Adjacent output columns go out as one block: fewer writes, one request in Office.
  const cols = outputs.map((c) => ({ c, col: where.get(c.id) as number })).sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].col === cols[j].col + 1) j++;
    const group = cols.slice(i, j + 1);
    sp.writes.push({ row: firstRow, col: group[0].col, kind: "values", values: block(group.map(({ c }) => values[c.id] ?? []), dataRows, firstRow, lastRow), numberFormats: group.map(({ c }) => c.numberFormat ?? "General") });
    i = j + 1;
  }
  return where;
}

/** Rows firstRow…lastRow of a group of columns; rows that are not data rows (gaps) are blank. */
function block(columns: (readonly (CellValue | undefined)[])[], dataRows: Int32Array, firstRow: number, lastRow: number): CellValue[][] {
  const width = columns.length;
  const out = new Array<CellValue[]>(lastRow - firstRow + 1);
  let next = 0;
  for (let i = 0; i < dataRows.length; i++) {
    const at = dataRows[i] - firstRow;
    while (next < at) out[next++] = new Array<CellValue>(width).fill("");
    const line = new Array<CellValue>(width);
    for (let k = 0; k < width; k++) line[k] = columns[k][i] ?? "";
    out[next++] = line;
  }
  return out;
}
