import type { BehaviourRecord } from "../mapping/records";
import { Interner } from "./codes";
import type { CustomerIndex } from "./customer-index";
import { idKey } from "./ids";
import { periodKey } from "./period";
import { clean } from "./round";
import { keepShape } from "./shapes";

/** The figures written back to a Behaviour row (its output columns). */
export interface BehaviourRowResult {
  row: number;
  avgOrder: number | null;
  activity: number | null;
  declineRate: number;
  churnRisk: number;
  /** 上期购买频次 used: the row's own, or the previous period's 购买频次 when blank */
  prevPurchasesUsed: number | null;
  prevFromEarlierRow: boolean;
  /** this row is the customer's scored (latest) period */
  latest: boolean;
}

/** A customer's scored period, plus what spans all periods. */
export interface BehaviourCurrent {
  /** index into the input Behaviour array of the latest period's row */
  index: number;
  period: string;
  purchases: number | null;
  amount: number | null;
  category: string;
  siteVisits: number | null;
  events: number | null;
  complaints: number | null;
  avgOrder: number | null;
  activity: number | null;
  declineRate: number;
  churnRisk: number;
  /** latest 最近购买日期 over all periods: recency is about the customer, not one period */
  lastPurchase: number | null;
  periods: number;
}

/** activity = (site visits + events attended) / 2 (seed 001); null only when both are blank. */
export function activityOf(siteVisits: number | null, events: number | null): number | null {
  if (siteVisits === null && events === null) return null;
  return clean(((siteVisits ?? 0) + (events ?? 0)) / 2);
}

/**
 * decline rate = max(0, (previous − current) / previous); 0 when previous is 0 or blank.
 * A blank current count is taken as 0 (SPEC: missing numbers count as 0, and are named).
 */
export function declineRateOf(purchases: number | null, prevPurchases: number | null): number {
  if (prevPurchases === null || prevPurchases <= 0) return 0;
  return clean(Math.max(0, (prevPurchases - (purchases ?? 0)) / prevPurchases));
}

/** churn risk = (decline rate + complaints × 0.5) × 100 (seed 001); blank complaints = none. */
export function churnRiskOf(declineRate: number, complaints: number | null): number {
  return clean((declineRate + (complaints ?? 0) * 0.5) * 100);
}

/** 客单价 = amount / purchases; null when either is blank or purchases is 0. */
export function avgOrderOf(amount: number | null, purchases: number | null): number | null {
  if (amount === null || purchases === null || purchases === 0) return null;
  return clean(amount / purchases);
}

/**
 * 统计周期 texts parsed once each: a sheet has few distinct periods. A class, not a closure made
 * per run, so that the optimised sort code keeps calling the same thing from run to run.
 */
class PeriodKeys {
  private readonly texts = new Interner();
  private readonly keys: (number | null)[] = [];

  of(period: string): number | null {
    const id = this.texts.id(period);
    if (id === this.keys.length) this.keys.push(periodKey(period));
    return this.keys[id];
  }
}

keepShape(new PeriodKeys());

/**
 * Order of one customer's rows, oldest first. When every period parses, by period (row breaks
 * ties); when any does not (often: blank), the sheet's row order is the person's order, so it wins.
 */
function orderRows(rows: BehaviourRecord[], idx: number[], periods: PeriodKeys): number[] {
  const keys = idx.map((i) => periods.of(rows[i].period));
  const allParse = keys.every((k) => k !== null);
  const pos = idx.map((_, j) => j);
  pos.sort((a, b) => {
    if (allParse) {
      const d = (keys[a] as number) - (keys[b] as number);
      if (d !== 0) return d;
    }
    return rows[idx[a]].row - rows[idx[b]].row;
  });
  return pos.map((j) => idx[j]);
}

/** Groups up to this size are ordered by insertion sort in scratch arrays (no allocation); larger ones by orderRows. */
const FEW_ROWS = 16;

/**
 * orderRows for a group of a few rows (members[from … from+size)), written to ord[0 … size): a
 * stable insertion sort on the same comparison, so the order is the same, without the arrays and
 * closures orderRows makes per customer.
 */
function orderFew(rows: BehaviourRecord[], members: Int32Array, from: number, size: number, periods: PeriodKeys, ord: Int32Array, key: Float64Array): void {
  let allParse = true;
  for (let j = 0; j < size; j++) {
    const i = members[from + j];
    const k = periods.of(rows[i].period);
    if (k === null) allParse = false;
    ord[j] = i;
    key[j] = k ?? 0;
  }
  for (let j = 1; j < size; j++) {
    const i = ord[j];
    const k = key[j];
    const row = rows[i].row;
    let at = j;
    while (at > 0) {
      const d = allParse ? key[at - 1] - k : 0;
      if (d < 0 || (d === 0 && rows[ord[at - 1]].row - row <= 0)) break;
      ord[at] = ord[at - 1];
      key[at] = key[at - 1];
      at--;
    }
    ord[at] = i;
    key[at] = k;
  }
}

export interface BehaviourAnalysis {
  /** the rows analysed, as given */
  records: BehaviourRecord[];
  rows: BehaviourRowResult[];
  /** one entry per distinct customer id (rows with a blank id belong to none) */
  groupKeys: string[];
  /** group of each row, −1 for a blank id */
  groupOf: Int32Array;
  /** per group: the first customer row with its id, −1 when none (or analysed without customers) */
  groupCustomer: Int32Array;
  // A customer's scored period as columns, not an object per customer: the figures are read from
  // records[latest[g]] and rows[latest[g]] (see currentAt), which 100,000 customers need no copy of.
  /** per group: input index of the latest period's row */
  latest: Int32Array;
  /** per group: latest 最近购买日期 over all periods (NaN when none): recency is about the customer */
  lastPurchase: Float64Array;
  /** per group: how many periods (rows) */
  periods: Int32Array;
}

function rowResult(r: BehaviourRecord, prevUsed: number | null, fromEarlier: boolean, latest: boolean): BehaviourRowResult {
  const declineRate = declineRateOf(r.purchases, prevUsed);
  return {
    row: r.row,
    avgOrder: avgOrderOf(r.amount, r.purchases),
    activity: activityOf(r.siteVisits, r.events),
    declineRate,
    churnRisk: churnRiskOf(declineRate, r.complaints),
    prevPurchasesUsed: prevUsed,
    prevFromEarlierRow: fromEarlier,
    latest,
  };
}

interface Groups {
  count: number;
  /** group of each row, −1 for a blank id */
  groupOf: Int32Array;
  keys: string[];
  /** first customer row of each group's id, −1 when none */
  customer: Int32Array;
}

/**
 * Rows grouped by idKey(客户编号), groups numbered in order of first row. Through the customers'
 * index when given (one lookup per row, none for a customer's adjacent rows): only ids no
 * customer has need a Map of their own.
 */
function groupRows(rows: BehaviourRecord[], customers: CustomerIndex | undefined): Groups {
  const n = rows.length;
  const groupOfKey = new Map<string, number>();
  const groupOfCustomer = new Int32Array(customers ? customers.keys.length : 0).fill(-1);
  const groupOf = new Int32Array(n).fill(-1);
  // At most one group per row: sized up front, trimmed after (no regrowing 100,000-entry arrays).
  const keys: string[] = new Array(n);
  const customer = new Int32Array(n);
  let count = 0;
  let prevKey = "";
  let prevGroup = -1;
  for (let i = 0; i < n; i++) {
    const k = idKey(rows[i].customerId);
    if (k === "") continue;
    let g = prevGroup;
    if (k !== prevKey) {
      const f = customers ? customers.findKey(k) : -1;
      g = f >= 0 ? groupOfCustomer[f] : (groupOfKey.get(k) ?? -1);
      if (g < 0) {
        g = count++;
        if (f >= 0) groupOfCustomer[f] = g;
        else groupOfKey.set(k, g);
        keys[g] = k;
        customer[g] = f;
      }
    }
    groupOf[i] = g;
    prevKey = k;
    prevGroup = g;
  }
  keys.length = count;
  return { count, groupOf, keys, customer: customer.slice(0, count) };
}

/** Each group's rows in input order, as one CSR index: members[start[g] … start[g+1]). */
function membersOf(groupOf: Int32Array, groups: number): { start: Int32Array; members: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] >= 0) start[groupOf[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const members = new Int32Array(start[groups]);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] >= 0) members[fill[groupOf[i]]++] = i;
  return { start, members };
}

/** Each group's rows in period order: their figures into `out`, and the group's scored period. */
function analyseGroups(rows: BehaviourRecord[], start: Int32Array, members: Int32Array, out: BehaviourRowResult[], latest: Int32Array, lastPurchase: Float64Array, periods: Int32Array): void {
  const periodKeys = new PeriodKeys();
  const ord = new Int32Array(FEW_ROWS);
  const ordKey = new Float64Array(FEW_ROWS);
  for (let g = 0; g < latest.length; g++) {
    const size = start[g + 1] - start[g];
    periods[g] = size;
    if (size === 1) {
      // Most customers have one period: nothing to order, nothing carried over.
      const i = members[start[g]];
      const r = rows[i];
      out[i] = rowResult(r, r.prevPurchases, false, true);
      latest[g] = i;
      lastPurchase[g] = r.lastPurchase ?? NaN;
      continue;
    }
    let ordered: ArrayLike<number> = ord;
    if (size <= FEW_ROWS) orderFew(rows, members, start[g], size, periodKeys, ord, ordKey);
    else ordered = orderRows(rows, Array.from(members.subarray(start[g], start[g + 1])), periodKeys);
    let last = NaN;
    for (let j = 0; j < size; j++) {
      const r = rows[ordered[j]];
      const earlier = j > 0 ? rows[ordered[j - 1]].purchases : null;
      const fromEarlier = r.prevPurchases === null && earlier !== null;
      const prevUsed = r.prevPurchases ?? earlier;
      out[ordered[j]] = rowResult(r, prevUsed, fromEarlier, j === size - 1);
      if (r.lastPurchase !== null && !(r.lastPurchase <= last)) last = r.lastPurchase;
    }
    latest[g] = ordered[size - 1];
    lastPurchase[g] = last;
  }
}

/**
 * Each row's figures, and each customer id's scored period. Built from single-loop functions:
 * one function running several 100,000-row loops is optimised loop by loop (OSR) and thrown back
 * to the interpreter whenever a later loop meets code the earlier ones had not run.
 */
export function analyseBehaviour(rows: BehaviourRecord[], customers?: CustomerIndex): BehaviourAnalysis {
  const groups = groupRows(rows, customers);
  const { start, members } = membersOf(groups.groupOf, groups.count);
  const out: BehaviourRowResult[] = new Array(rows.length);
  const latest = new Int32Array(groups.count);
  const lastPurchase = new Float64Array(groups.count);
  const periods = new Int32Array(groups.count);
  analyseGroups(rows, start, members, out, latest, lastPurchase, periods);
  // Rows without a customer id still get their own figures written back.
  for (let i = 0; i < rows.length; i++) {
    if (out[i] === undefined) out[i] = rowResult(rows[i], rows[i].prevPurchases, false, false);
  }
  return { records: rows, rows: out, groupKeys: groups.keys, groupOf: groups.groupOf, groupCustomer: groups.customer, latest, lastPurchase, periods };
}

/** The scored period of group g as one object (tests and single lookups; score.ts reads the columns). */
export function currentAt(a: BehaviourAnalysis, g: number): BehaviourCurrent {
  const index = a.latest[g];
  const r = a.records[index];
  const res = a.rows[index];
  const lp = a.lastPurchase[g];
  return {
    index,
    period: r.period,
    purchases: r.purchases,
    amount: r.amount,
    category: r.category,
    siteVisits: r.siteVisits,
    events: r.events,
    complaints: r.complaints,
    avgOrder: res.avgOrder,
    activity: res.activity,
    declineRate: res.declineRate,
    churnRisk: res.churnRisk,
    lastPurchase: lp !== lp ? null : lp,
    periods: a.periods[g],
  };
}

/** The scored period of one customer id, for callers holding a single id. */
export function currentOf(a: BehaviourAnalysis, customerId: string): BehaviourCurrent | undefined {
  const g = a.groupKeys.indexOf(idKey(customerId));
  return g < 0 ? undefined : currentAt(a, g);
}
