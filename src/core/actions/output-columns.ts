import { headerOf } from "../layout/sheets";
import { usedWidth } from "../plan/snapshot";
import type { ColumnDef, TableDef } from "../layout/types";
import type { LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import type { SheetPlan } from "../plan/types";
import { HEADER_FILL } from "./table-parts";

/**
 * Write the add-in's output columns of a table in place, row by row. Columns the table lacks are
 * added at its right (an Excel table is extended; a plain range gets headers), after the last
 * used column, so no cell a person typed is ever covered. Returns each output column's sheet column.
 */
export function writeOutputColumns(
  sp: SheetPlan,
  table: LocatedTable,
  def: TableDef,
  values: (row: number) => Record<string, CellValue>,
  lang: Lang,
): Map<string, number> {
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
  if (table.rows.length === 0) return where;
  const firstRow = table.headerRow + 1;
  const lastRow = table.rows[table.rows.length - 1].row;
  const byRow = new Map<number, Record<string, CellValue>>();
  for (const r of table.rows) byRow.set(r.row, values(r.row));
  // Adjacent output columns go out as one block: fewer writes, one request in Office.
  const cols = outputs.map((c) => ({ c, col: where.get(c.id) as number })).sort((a, b) => a.col - b.col);
  let i = 0;
  while (i < cols.length) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].col === cols[j].col + 1) j++;
    const group = cols.slice(i, j + 1);
    const block: CellValue[][] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const v = byRow.get(row);
      block.push(group.map(({ c }) => (v ? (v[c.id] ?? "") : "")));
    }
    sp.writes.push({ row: firstRow, col: group[0].col, kind: "values", values: block, numberFormats: group.map(({ c }) => c.numberFormat ?? "General") });
    i = j + 1;
  }
  return where;
}
