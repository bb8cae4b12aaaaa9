import { demoData } from "../cli/demo-data";
import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "../core/layout/behaviour";
import { CUSTOMER_COLUMNS } from "../core/layout/customers";
import type { ColumnDef } from "../core/layout/types";
import type { CellValue } from "../core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/plan/snapshot";

function sheet(name: string, table: string, columns: ColumnDef[], rows: CellValue[][]): SheetSnapshot {
  const headers = columns.map((c) => c.label.zh);
  const width = headers.length;
  const values = [headers, ...rows.map((r) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill("")])];
  return { name, originRow: 0, originCol: 0, values, tables: [{ name: table, headerRow: 0, firstCol: 0, rowCount: rows.length, headers }] };
}

/** A workbook snapshot as the shells would read it: n demo customers with their behaviour and interactions. */
export function syntheticSnapshot(n: number, refDate: number): WorkbookSnapshot {
  const d = demoData(refDate, n, 7);
  const sheets = [
    sheet("客户信息", "Customers", CUSTOMER_COLUMNS, d.customers),
    sheet("客户行为", "Behaviour", BEHAVIOUR_COLUMNS, d.behaviour),
    sheet("互动记录", "Interactions", INTERACTION_COLUMNS, d.interactions),
  ];
  return { sheets, tableNames: ["Customers", "Behaviour", "Interactions"] };
}
