import { LISTS } from "../layout/lists";
import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../mapping/records";
import { monthIndex, monthIndexKey, ymdToSerial } from "./dates";
import { periodKey } from "./period";
import type { CustomerResult } from "./result";
import { EIGHT_SEGMENTS, TEN_SEGMENTS } from "./segments";
import type { SegmentId, Tier } from "./types";

/** How many months the trend covers, ending with the reference date's month. */
export const TREND_MONTHS = 12;
export const TOP_DEMAND_TYPES_TREND = 5;
export const TOP_INDUSTRIES_MATRIX = 8;
export const TOP_DEMAND_TYPES_MATRIX = 6;

export interface TierStat {
  tier: Tier;
  count: number;
  /** of all customers, 0–1 */
  share: number;
  /** sum of the scored period's 购买金额 (万元) */
  amount: number;
}

export interface IndustryStat {
  /** as typed; "" = blank */
  industry: string;
  count: number;
  meanLikelihood: number | null;
  meanNeedMatch: number | null;
}

export interface ShareStat {
  key: string;
  count: number;
  share: number;
}

/** A count table: counts[i][j] for rows[i] × cols[j]; "" in rows/cols is the blank value. */
export interface CountMatrix {
  rows: string[];
  cols: string[];
  counts: number[][];
}

export interface OverdueItem {
  row: number;
  id: string;
  name: string;
  nextFollowUp: number;
  daysOverdue: number;
  priority: string;
}

export interface PeriodStat {
  period: string;
  customers: number;
  purchases: number;
  amount: number;
}

/** Summary sheet content as plain numbers; the plan lays it out and binds the charts. */
export interface SummaryData {
  refDate: number;
  customerCount: number;
  withBehaviourCount: number;
  prospectCount: number;
  unscoredCount: number;
  totalAmount: number;
  /** A, B, C, D, then "" (unscored), always all five */
  tiers: TierStat[];
  /** by count, descending */
  industries: IndustryStat[];
  /** non-blank 需求类型 by count; shares of customers with a demand type */
  demandTypes: ShareStat[];
  demandTypeBlank: number;
  /** yyyy-mm months, oldest first, ending with the reference month */
  contactTrend: { months: string[]; contacts: number[] };
  /** rows: top demand types, cols: the same months as contactTrend */
  demandTrend: CountMatrix;
  gradePriority: CountMatrix;
  industryDemand: CountMatrix;
  /** most overdue first */
  overdue: OverdueItem[];
  dueSoonCount: number;
  coreCount: number;
  /** core customers' share of the total amount, 0–1 */
  coreAmountShare: number;
  newCount: number;
  existingCount: number;
  /** the active model's segments in fixed order, zero counts included */
  segments: { segment: SegmentId; count: number }[];
  /** Behaviour periods (known customers), oldest first: the trend of purchases */
  periods: PeriodStat[];
  incompleteCount: number;
}

export interface SummaryInput {
  customers: CustomerRecord[];
  results: CustomerResult[];
  behaviour: BehaviourRecord[];
  /** whether Behaviour row i belongs to a customer on the list */
  behaviourKnown: (i: number) => boolean;
  interactions: InteractionRecord[];
  /** customer index (first of its id) of each Interactions row, −1 when none */
  interactionCustomer: Int32Array;
  /** each customer's first same-id customer index (itself when unique or blank) */
  firstIdx: Int32Array;
  segmentModel: "eight" | "ten";
}

function byCountThenKey(a: { key: string; count: number }, b: { key: string; count: number }): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function countBy(values: Iterable<string>): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count })).sort(byCountThenKey);
}

/** Listed values first in list order, then others by name, blank last: the order people expect. */
function listOrder(present: Set<string>, listed: readonly string[]): string[] {
  const out = listed.filter((v) => present.has(v));
  const rest = [...present].filter((v) => v !== "" && !listed.includes(v)).sort();
  return present.has("") ? [...out, ...rest, ""] : [...out, ...rest];
}

/** Counts items i < n into rows × cols by their row and column values; others are skipped. */
function matrix(rows: string[], cols: string[], n: number, rowOf: (i: number) => string, colOf: (i: number) => string): CountMatrix {
  const ri = new Map(rows.map((r, i) => [r, i]));
  const ci = new Map(cols.map((c, i) => [c, i]));
  const counts = rows.map(() => cols.map(() => 0));
  for (let k = 0; k < n; k++) {
    const i = ri.get(rowOf(k));
    if (i === undefined) continue;
    const j = ci.get(colOf(k));
    if (j !== undefined) counts[i][j]++;
  }
  return { rows, cols, counts };
}

export function buildSummary(x: SummaryInput, refDate: number): SummaryData {
  const { customers, results } = x;
  const n = customers.length;

  const tierOrder: Tier[] = ["A", "B", "C", "D", ""];
  const tiers: TierStat[] = tierOrder.map((tier) => ({ tier, count: 0, share: 0, amount: 0 }));
  let totalAmount = 0;
  let coreCount = 0;
  let coreAmount = 0;
  let newCount = 0;
  let existingCount = 0;
  let withBehaviour = 0;
  let prospects = 0;
  let incomplete = 0;
  let dueSoon = 0;
  const overdue: OverdueItem[] = [];
  const segCount = new Map<SegmentId, number>();
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const t = tiers[tierOrder.indexOf(r.tier)];
    t.count++;
    const amt = r.amount ?? 0;
    t.amount += amt;
    totalAmount += amt;
    if (r.core) {
      coreCount++;
      coreAmount += amt;
    }
    if (r.customerType === "new") newCount++;
    else if (r.customerType === "existing") existingCount++;
    if (r.hasBehaviour) withBehaviour++;
    else if (r.scoreKind === "prospect") prospects++;
    if (r.gaps.length > 0) incomplete++;
    if (r.segment !== null) segCount.set(r.segment, (segCount.get(r.segment) ?? 0) + 1);
    if (r.followUpStatus === "dueSoon") dueSoon++;
    if (r.followUpStatus === "overdue" && r.nextFollowUp !== null) {
      overdue.push({ row: r.row, id: r.id, name: r.name, nextFollowUp: r.nextFollowUp, daysOverdue: r.daysOverdue, priority: customers[i].priority });
    }
  }
  for (const t of tiers) t.share = n > 0 ? t.count / n : 0;
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);

  // Industries with mean ratings over the customers that have them.
  const ind = new Map<string, { count: number; lSum: number; lN: number; nSum: number; nN: number }>();
  for (const c of customers) {
    let s = ind.get(c.industry);
    if (!s) ind.set(c.industry, (s = { count: 0, lSum: 0, lN: 0, nSum: 0, nN: 0 }));
    s.count++;
    if (c.likelihood !== null) {
      s.lSum += c.likelihood;
      s.lN++;
    }
    if (c.needMatch !== null) {
      s.nSum += c.needMatch;
      s.nN++;
    }
  }
  const industries: IndustryStat[] = [...ind]
    .map(([industry, s]) => ({ industry, count: s.count, meanLikelihood: s.lN ? s.lSum / s.lN : null, meanNeedMatch: s.nN ? s.nSum / s.nN : null }))
    .sort((a, b) => b.count - a.count || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0));

  const demandCounts = countBy(customers.map((c) => c.demandType).filter((d) => d !== ""));
  const withDemand = demandCounts.reduce((s, d) => s + d.count, 0);
  const demandTypes: ShareStat[] = demandCounts.map((d) => ({ key: d.key, count: d.count, share: withDemand ? d.count / withDemand : 0 }));

  // Monthly contacts: one per customer and day, from Interactions and 最近沟通时间 alike, so a
  // contact logged in both places is counted once.
  const lastMonth = monthIndex(refDate);
  const firstMonth = lastMonth - TREND_MONTHS + 1;
  const months: string[] = [];
  for (let mi = firstMonth; mi <= lastMonth; mi++) months.push(monthIndexKey(mi));
  const contacts = new Array<number>(TREND_MONTHS).fill(0);
  // (who, day) pairs as one number: who = customer index, or n + row for an unmatched contact.
  const firstDay = ymdToSerial(Math.floor(firstMonth / 12), (firstMonth % 12) + 1, 1);
  const span = Math.floor(refDate) - firstDay + 1;
  const seen = new Set<number>();
  const demandOf: string[] = [];
  const demandAt: number[] = [];
  const addContact = (who: number, day: number, demand: string): void => {
    if (day > refDate || day < firstDay) return;
    const key = who * span + (day - firstDay);
    if (seen.has(key)) return;
    seen.add(key);
    const j = monthIndex(day) - firstMonth;
    contacts[j]++;
    if (demand !== "") {
      demandOf.push(demand);
      demandAt.push(j);
    }
  };
  for (let j = 0; j < x.interactions.length; j++) {
    const it = x.interactions[j];
    if (it.date === null) continue;
    const ci = x.interactionCustomer[j];
    addContact(ci < 0 ? n + j : ci, Math.floor(it.date), it.demandType || (ci < 0 ? "" : customers[ci].demandType));
  }
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    if (c.lastContact !== null) addContact(x.firstIdx[i], Math.floor(c.lastContact), c.demandType);
  }
  const topTrend = countBy(demandOf)
    .slice(0, TOP_DEMAND_TYPES_TREND)
    .map((d) => d.key);
  const demandTrend = matrix(topTrend, months, demandOf.length, (k) => demandOf[k], (k) => months[demandAt[k]]);

  const grades = listOrder(new Set(customers.map((c) => c.grade)), LISTS.grade.map((g) => g.value));
  const priorities = listOrder(new Set(customers.map((c) => c.priority)), LISTS.priority.map((p) => p.value));
  const gradePriority = matrix(grades, priorities, n, (i) => customers[i].grade, (i) => customers[i].priority);

  const topInd = industries.filter((s) => s.industry !== "").slice(0, TOP_INDUSTRIES_MATRIX).map((s) => s.industry);
  const topDem = demandTypes.slice(0, TOP_DEMAND_TYPES_MATRIX).map((d) => d.key);
  const industryDemand = matrix(topInd, topDem, n, (i) => customers[i].industry, (i) => customers[i].demandType);

  const segIds: readonly SegmentId[] = x.segmentModel === "ten" ? TEN_SEGMENTS : EIGHT_SEGMENTS;
  const segments = segIds.map((segment) => ({ segment, count: segCount.get(segment) ?? 0 }));

  // Purchase trend by 统计周期, for known customers only (unknown ids are reported elsewhere).
  const per = new Map<string, PeriodStat & { key: number | null; firstRow: number }>();
  for (let i = 0; i < x.behaviour.length; i++) {
    const b = x.behaviour[i];
    if (!x.behaviourKnown(i)) continue;
    const label = b.period.trim();
    let s = per.get(label);
    if (!s) per.set(label, (s = { period: label, customers: 0, purchases: 0, amount: 0, key: periodKey(label), firstRow: b.row }));
    s.customers++;
    s.purchases += b.purchases ?? 0;
    s.amount += b.amount ?? 0;
    if (b.row < s.firstRow) s.firstRow = b.row;
  }
  const periods = [...per.values()]
    .sort((a, b) => {
      if (a.key !== null && b.key !== null && a.key !== b.key) return a.key - b.key;
      if (a.key === null && b.key !== null) return 1;
      if (a.key !== null && b.key === null) return -1;
      return a.firstRow - b.firstRow;
    })
    .map(({ period, customers: c, purchases, amount }) => ({ period, customers: c, purchases, amount }));

  return {
    refDate,
    customerCount: n,
    withBehaviourCount: withBehaviour,
    prospectCount: prospects,
    unscoredCount: tiers[4].count,
    totalAmount,
    tiers,
    industries,
    demandTypes,
    demandTypeBlank: n - withDemand,
    contactTrend: { months, contacts },
    demandTrend,
    gradePriority,
    industryDemand,
    overdue,
    dueSoonCount: dueSoon,
    coreCount,
    coreAmountShare: totalAmount > 0 ? coreAmount / totalAmount : 0,
    newCount,
    existingCount,
    segments,
    periods,
    incompleteCount: incomplete,
  };
}
