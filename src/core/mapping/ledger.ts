import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "../layout/behaviour";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import type { ColumnDef } from "../layout/types";
import { InsightError } from "../i18n/messages";
import type { CellValue } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { coerceCell, isNumeric, type Coerced } from "./coerce";
import { locateTable, type LocatedTable } from "./locate";
import type { BehaviourRecord, CellProblem, CustomerRecord, InteractionRecord } from "./records";

/** The customer ledger as read from a workbook: where each table is, typed rows, and problems. */
export interface Ledger {
  customers: LocatedTable;
  behaviour: LocatedTable | null;
  interactions: LocatedTable | null;
  customerRecords: CustomerRecord[];
  behaviourRecords: BehaviourRecord[] | null;
  interactionRecords: InteractionRecord[];
  problems: CellProblem[];
}

function readRecords<T extends { row: number }>(table: LocatedTable, columns: readonly ColumnDef[], problems: CellProblem[]): T[] {
  const out: T[] = [];
  // Resolve each input column's position once; the per-cell loop then only reads and coerces.
  const plan = columns
    .filter((c) => !c.output)
    .map((def) => {
      const sheetCol = table.columns.get(def.id);
      return { def, numeric: isNumeric(def), at: sheetCol === undefined ? -1 : sheetCol - table.firstCol, sheetCol: sheetCol ?? -1, header: sheetCol === undefined ? def.label.zh : (table.headers[sheetCol - table.firstCol] ?? def.label.zh) };
    });
  let currentRow = 0;
  let currentCol = plan[0];
  let currentValue: CellValue = "";
  const report = (code: CellProblem["code"]) =>
    problems.push({ sheet: table.sheet.name, row: currentRow, col: currentCol.sheetCol, columnId: currentCol.def.id, header: currentCol.header, value: currentValue, code });
  for (const { row, cells } of table.rows) {
    const rec: Record<string, Coerced> & { row: number } = { row };
    for (const col of plan) {
      const v = col.at < 0 ? "" : cells[col.at];
      currentRow = row;
      currentCol = col;
      currentValue = v;
      rec[col.def.id] = v === "" ? (col.numeric ? null : "") : coerceCell(col.def, v, report);
    }
    // The record's keys are exactly the layout's input column ids, which are the record type's fields.
    out.push(rec as unknown as T);
  }
  return out;
}

/**
 * Read Customers, Behaviour and Interactions. A missing Customers sheet or a header row without
 * a name column is an error a person can act on; missing Behaviour or Interactions is normal.
 */
export function readLedger(snapshot: WorkbookSnapshot): Ledger {
  const allEmpty = snapshot.sheets.every((s) => s.values.length === 0);
  const customers = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
  if (!customers) {
    const sheetExists = snapshot.sheets.find((s) => ["客户信息", "Customers"].includes(s.name));
    if (sheetExists && sheetExists.values.length > 0) throw new InsightError("noHeaders", { sheet: sheetExists.name, row: sheetExists.originRow + 1 });
    throw new InsightError(allEmpty ? "emptyWorkbook" : "noCustomerSheet");
  }
  if (!customers.columns.has("name")) throw new InsightError("noHeaders", { sheet: customers.sheet.name, row: customers.headerRow + 1 });
  const problems: CellProblem[] = [];
  const customerRecords = readRecords<CustomerRecord>(customers, CUSTOMER_COLUMNS, problems);
  const behaviour = locateTable(snapshot, "Behaviour", "behaviour", BEHAVIOUR_COLUMNS, "customerId");
  const behaviourOk = behaviour && behaviour.columns.has("customerId") ? behaviour : null;
  const behaviourRecords = behaviourOk ? readRecords<BehaviourRecord>(behaviourOk, BEHAVIOUR_COLUMNS, problems) : null;
  const interactions = locateTable(snapshot, "Interactions", "interactions", INTERACTION_COLUMNS, "customerId");
  const interactionsOk = interactions && interactions.columns.has("customerId") ? interactions : null;
  const interactionRecords = interactionsOk ? readRecords<InteractionRecord>(interactionsOk, INTERACTION_COLUMNS, problems) : [];
  return { customers, behaviour: behaviourOk, interactions: interactionsOk, customerRecords, behaviourRecords, interactionRecords, problems };
}
