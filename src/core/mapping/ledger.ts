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

interface ColPlan {
  def: ColumnDef;
  numeric: boolean;
  /** index in the row's cells, -1 when the sheet lacks the column */
  at: number;
  sheetCol: number;
  header: string;
}

/**
 * Reads one row's cells by column. Records are built as object literals with every field in a
 * fixed order (see the builders below): one shape per record type keeps 100,000-row reads fast.
 */
class RowReader {
  row = 0;
  cells: CellValue[] = [];
  private current: ColPlan | null = null;
  private value: CellValue = "";
  private readonly report = (code: CellProblem["code"]) => {
    const c = this.current as ColPlan;
    this.problems.push({ sheet: this.table.sheet.name, row: this.row, col: c.sheetCol, columnId: c.def.id, header: c.header, value: this.value, code });
  };
  readonly cols: Record<string, ColPlan> = {};

  constructor(
    private readonly table: LocatedTable,
    columns: readonly ColumnDef[],
    private readonly problems: CellProblem[],
  ) {
    for (const def of columns) {
      if (def.output) continue;
      const sheetCol = table.columns.get(def.id);
      const at = sheetCol === undefined ? -1 : sheetCol - table.firstCol;
      this.cols[def.id] = { def, numeric: isNumeric(def), at, sheetCol: sheetCol ?? -1, header: at < 0 ? def.label.zh : (table.headers[at] ?? def.label.zh) };
    }
  }

  private read(id: string): Coerced {
    const c = this.cols[id];
    const v = c.at < 0 ? "" : this.cells[c.at];
    if (v === "" || v === undefined) return c.numeric ? null : "";
    // Plain text in a text column needs no coercion beyond trimming.
    if (!c.numeric && typeof v === "string" && v.charCodeAt(0) !== 35) return v.trim();
    this.current = c;
    this.value = v;
    return coerceCell(c.def, v, this.report);
  }

  t(id: string): string {
    return this.read(id) as string;
  }

  n(id: string): number | null {
    return this.read(id) as number | null;
  }
}

function readRows<T>(table: LocatedTable, columns: readonly ColumnDef[], problems: CellProblem[], build: (r: RowReader) => T): T[] {
  const reader = new RowReader(table, columns, problems);
  const out: T[] = new Array<T>(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    reader.row = table.rows[i].row;
    reader.cells = table.rows[i].cells;
    out[i] = build(reader);
  }
  return out;
}

const customer = (r: RowReader): CustomerRecord => ({
  row: r.row,
  id: r.t("id"),
  name: r.t("name"),
  industry: r.t("industry"),
  subIndustry: r.t("subIndustry"),
  sizeBand: r.t("sizeBand"),
  employees: r.n("employees"),
  revenue: r.n("revenue"),
  contact: r.t("contact"),
  title: r.t("title"),
  mobile: r.t("mobile"),
  email: r.t("email"),
  creditCode: r.t("creditCode"),
  startDate: r.n("startDate"),
  demandType: r.t("demandType"),
  demandDescription: r.t("demandDescription"),
  budget: r.t("budget"),
  purchaseTiming: r.t("purchaseTiming"),
  lastContact: r.n("lastContact"),
  channel: r.t("channel"),
  summary: r.t("summary"),
  feedback: r.t("feedback"),
  grade: r.t("grade"),
  priority: r.t("priority"),
  needMatch: r.n("needMatch"),
  likelihood: r.n("likelihood"),
});

const behaviourRecord = (r: RowReader): BehaviourRecord => ({
  row: r.row,
  customerId: r.t("customerId"),
  period: r.t("period"),
  purchases: r.n("purchases"),
  prevPurchases: r.n("prevPurchases"),
  amount: r.n("amount"),
  lastPurchase: r.n("lastPurchase"),
  category: r.t("category"),
  siteVisits: r.n("siteVisits"),
  events: r.n("events"),
  complaints: r.n("complaints"),
});

const interaction = (r: RowReader): InteractionRecord => ({
  row: r.row,
  customerId: r.t("customerId"),
  date: r.n("date"),
  channel: r.t("channel"),
  contact: r.t("contact"),
  demandType: r.t("demandType"),
  summary: r.t("summary"),
  feedback: r.t("feedback"),
  nextStep: r.t("nextStep"),
  owner: r.t("owner"),
});

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
  const customerRecords = readRows(customers, CUSTOMER_COLUMNS, problems, customer);
  const behaviour = locateTable(snapshot, "Behaviour", "behaviour", BEHAVIOUR_COLUMNS, "customerId");
  const behaviourOk = behaviour && behaviour.columns.has("customerId") ? behaviour : null;
  const behaviourRecords = behaviourOk ? readRows(behaviourOk, BEHAVIOUR_COLUMNS, problems, behaviourRecord) : null;
  const interactions = locateTable(snapshot, "Interactions", "interactions", INTERACTION_COLUMNS, "customerId");
  const interactionsOk = interactions && interactions.columns.has("customerId") ? interactions : null;
  const interactionRecords = interactionsOk ? readRows(interactionsOk, INTERACTION_COLUMNS, problems, interaction) : [];
  return { customers, behaviour: behaviourOk, interactions: interactionsOk, customerRecords, behaviourRecords, interactionRecords, problems };
}
