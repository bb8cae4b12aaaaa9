import type { BehaviourRecord } from "../mapping/records";
import { idKey } from "./ids";
import { periodKey } from "./period";
import { clean } from "./round";

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
 * Order of one customer's rows, oldest first. When every period parses, by period (row breaks
 * ties); when any does not (often: blank), the sheet's row order is the person's order, so it wins.
 */
function orderRows(rows: BehaviourRecord[], idx: number[], keyOf: (period: string) => number | null): number[] {
  const keys = idx.map((i) => keyOf(rows[i].period));
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

export interface BehaviourAnalysis {
  rows: BehaviourRowResult[];
  /** idKey of each row's customer id, in input order ("" when blank) */
  keys: string[];
  /** one entry per distinct customer id (rows with a blank id belong to none) */
  groupKeys: string[];
  current: BehaviourCurrent[];
  /** group of each row, −1 for a blank id */
  groupOf: Int32Array;
}

export function analyseBehaviour(rows: BehaviourRecord[]): BehaviourAnalysis {
  const n = rows.length;
  // Group rows by customer without an array per customer: group ids, then one CSR index.
  const keys: string[] = new Array(n);
  const groupOfKey = new Map<string, number>();
  const groupOf = new Int32Array(n).fill(-1);
  const groupKeys: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = idKey(rows[i].customerId);
    keys[i] = k;
    if (k === "") continue;
    let g = groupOfKey.get(k);
    if (g === undefined) {
      g = groupKeys.length;
      groupOfKey.set(k, g);
      groupKeys.push(k);
    }
    groupOf[i] = g;
  }
  const groups = groupKeys.length;
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) start[groupOf[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const fill = start.slice(0, groups);
  const members = new Int32Array(start[groups]);
  for (let i = 0; i < n; i++) if (groupOf[i] >= 0) members[fill[groupOf[i]]++] = i;

  // Few distinct period texts in practice: parse each once.
  const periodCache = new Map<string, number | null>();
  const keyOf = (p: string): number | null => {
    let k = periodCache.get(p);
    if (k === undefined) periodCache.set(p, (k = periodKey(p)));
    return k;
  };

  const out: BehaviourRowResult[] = new Array(n);
  const current: BehaviourCurrent[] = new Array(groups);
  const rowResult = (r: BehaviourRecord, prevUsed: number | null, fromEarlier: boolean, latest: boolean): BehaviourRowResult => {
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
  };

  for (let g = 0; g < groups; g++) {
    const size = start[g + 1] - start[g];
    const ordered: ArrayLike<number> = size === 1 ? members.subarray(start[g], start[g] + 1) : orderRows(rows, Array.from(members.subarray(start[g], start[g + 1])), keyOf);
    let lastPurchase: number | null = null;
    for (let j = 0; j < size; j++) {
      const r = rows[ordered[j]];
      const earlier = j > 0 ? rows[ordered[j - 1]].purchases : null;
      const fromEarlier = r.prevPurchases === null && earlier !== null;
      const prevUsed = r.prevPurchases ?? earlier;
      out[ordered[j]] = rowResult(r, prevUsed, fromEarlier, j === size - 1);
      if (r.lastPurchase !== null && (lastPurchase === null || r.lastPurchase > lastPurchase)) lastPurchase = r.lastPurchase;
    }
    const li = ordered[size - 1];
    const r = rows[li];
    const res = out[li];
    current[g] = {
      index: li,
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
      lastPurchase,
      periods: size,
    };
  }
  // Rows without a customer id still get their own figures written back.
  for (let i = 0; i < n; i++) {
    if (out[i] === undefined) out[i] = rowResult(rows[i], rows[i].prevPurchases, false, false);
  }
  return { rows: out, keys, groupKeys, current, groupOf };
}

/** The scored period of one customer id, for callers holding a single id. */
export function currentOf(a: BehaviourAnalysis, customerId: string): BehaviourCurrent | undefined {
  const g = a.groupKeys.indexOf(idKey(customerId));
  return g < 0 ? undefined : a.current[g];
}
