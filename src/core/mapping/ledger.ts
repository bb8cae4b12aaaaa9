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

/**
 * Which checks a number typed as a number passes without the general reader (see `fastNumber`);
 * small integers rather than names, since they are compared for every numeric cell.
 */
const TEXT = 0;
const NON_NEGATIVE = 1;
const WHOLE = 2;
const SCORE15 = 3;
const DATE = 4;
type NumberKind = typeof TEXT | typeof NON_NEGATIVE | typeof WHOLE | typeof SCORE15 | typeof DATE;

function numberKind(def: ColumnDef): NumberKind {
  switch (def.type) {
    case "decimal":
    case "money":
    case "percent":
      return NON_NEGATIVE;
    case "whole":
      return WHOLE;
    case "score15":
      return SCORE15;
    case "date":
      return DATE;
    default:
      return TEXT;
  }
}

interface ColPlan {
  def: ColumnDef;
  numeric: boolean;
  kind: NumberKind;
  /** index in the row's cells, -1 when the sheet lacks the column */
  at: number;
  sheetCol: number;
  header: string;
}

/** Each field of a record type (but `row`) with the column it is read from. */
type ColPlans<R> = Record<Exclude<keyof R, "row">, ColPlan>;

function planColumns<R>(table: LocatedTable, columns: readonly ColumnDef[]): ColPlans<R> {
  const entries: [string, ColPlan][] = [];
  for (const def of columns) {
    if (def.output) continue;
    const sheetCol = table.columns.get(def.id);
    const at = sheetCol === undefined ? -1 : sheetCol - table.firstCol;
    entries.push([def.id, { def, numeric: isNumeric(def), kind: numberKind(def), at, sheetCol: sheetCol ?? -1, header: at < 0 ? def.label.zh : (table.headers[at] ?? def.label.zh) }]);
  }
  // fromEntries, not a loop of keyed stores: V8 keeps this object's 26 fields fast to look up.
  return Object.fromEntries(entries) as ColPlans<R>;
}

/**
 * Reads one row's cells by column, row after row. Records are built as object literals with every
 * field in a fixed order (see the builders below): one shape per record type keeps 100,000-row
 * reads fast. The common cells (text typed as text, numbers typed as numbers and in range) are read
 * inline; everything else goes through `coerceCell`, which reports the problems.
 */
class RowReader {
  row = 0;
  cells: CellValue[] = [];
  private current: ColPlan | null = null;
  private value: CellValue = "";
  private readonly report = (code: CellProblem["code"]) => {
    const c = this.current as ColPlan;
    this.problems.push({ sheet: this.sheet, row: this.row, col: c.sheetCol, columnId: c.def.id, header: c.header, value: this.value, code });
  };

  constructor(
    private readonly sheet: string,
    private readonly problems: CellProblem[],
  ) {}

  t(c: ColPlan): string {
    const v = c.at < 0 ? "" : this.cells[c.at];
    if (typeof v === "string" && !c.numeric) {
      // Plain text in a text column needs no coercion beyond trimming. Trimming first also
      // flattens a string built by concatenation, so the character test after it is cheap.
      const s = v.trim();
      if (v.charCodeAt(0) !== 35) return s;
    }
    return this.read(c, v) as string;
  }

  n(c: ColPlan): number | null {
    const v = c.at < 0 ? "" : this.cells[c.at];
    if (typeof v === "number") {
      const n = fastNumber(c.kind, v);
      if (n === n) return n;
    }
    return this.read(c, v) as number | null;
  }

  private read(c: ColPlan, v: CellValue | undefined): Coerced {
    if (v === "" || v === undefined) return c.numeric ? null : "";
    if (!c.numeric && typeof v === "string" && v.charCodeAt(0) !== 35) return v.trim();
    this.current = c;
    this.value = v;
    return coerceCell(c.def, v, this.report);
  }
}

/**
 * A number typed as a number that `coerceCell` would return unchanged (or floored, for dates)
 * without a problem; NaN when it needs the general path (out of range, not finite, a text column).
 */
function fastNumber(kind: NumberKind, v: number): number {
  switch (kind) {
    case NON_NEGATIVE:
      return v >= 0 && v < Infinity ? v : NaN;
    case WHOLE:
      return v >= 0 && Number.isInteger(v) ? v : NaN;
    case SCORE15:
      return v >= 1 && v <= 5 && Number.isInteger(v) ? v : NaN;
    case DATE:
      return v >= 1 ? Math.floor(v) : NaN;
    default:
      return NaN;
  }
}

function readRows<R>(table: LocatedTable, columns: readonly ColumnDef[], problems: CellProblem[], build: (r: RowReader, c: ColPlans<R>) => R): R[] {
  const reader = new RowReader(table.sheet.name, problems);
  const plans = planColumns<R>(table, columns);
  const { dataRows, dataCells } = table;
  const out: R[] = new Array<R>(dataCells.length);
  for (let i = 0; i < out.length; i++) {
    reader.row = dataRows[i];
    reader.cells = dataCells[i];
    out[i] = build(reader, plans);
  }
  return out;
}

const customer = (r: RowReader, c: ColPlans<CustomerRecord>): CustomerRecord => ({
  row: r.row,
  id: r.t(c.id),
  name: r.t(c.name),
  industry: r.t(c.industry),
  subIndustry: r.t(c.subIndustry),
  sizeBand: r.t(c.sizeBand),
  employees: r.n(c.employees),
  revenue: r.n(c.revenue),
  contact: r.t(c.contact),
  title: r.t(c.title),
  mobile: r.t(c.mobile),
  email: r.t(c.email),
  creditCode: r.t(c.creditCode),
  startDate: r.n(c.startDate),
  demandType: r.t(c.demandType),
  demandDescription: r.t(c.demandDescription),
  budget: r.t(c.budget),
  purchaseTiming: r.t(c.purchaseTiming),
  lastContact: r.n(c.lastContact),
  channel: r.t(c.channel),
  summary: r.t(c.summary),
  feedback: r.t(c.feedback),
  grade: r.t(c.grade),
  priority: r.t(c.priority),
  needMatch: r.n(c.needMatch),
  likelihood: r.n(c.likelihood),
});

const behaviourRecord = (r: RowReader, c: ColPlans<BehaviourRecord>): BehaviourRecord => ({
  row: r.row,
  customerId: r.t(c.customerId),
  period: r.t(c.period),
  purchases: r.n(c.purchases),
  prevPurchases: r.n(c.prevPurchases),
  amount: r.n(c.amount),
  lastPurchase: r.n(c.lastPurchase),
  category: r.t(c.category),
  siteVisits: r.n(c.siteVisits),
  events: r.n(c.events),
  complaints: r.n(c.complaints),
});

const interaction = (r: RowReader, c: ColPlans<InteractionRecord>): InteractionRecord => ({
  row: r.row,
  customerId: r.t(c.customerId),
  date: r.n(c.date),
  channel: r.t(c.channel),
  contact: r.t(c.contact),
  demandType: r.t(c.demandType),
  summary: r.t(c.summary),
  feedback: r.t(c.feedback),
  nextStep: r.t(c.nextStep),
  owner: r.t(c.owner),
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
