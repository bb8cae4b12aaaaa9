import { LISTS } from "../layout/lists";
import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../mapping/records";
import { Interner } from "./codes";
import { FLAG, FOLLOW_UP, type ScoredColumns } from "./columns";
import { contactTrend } from "./contact-trend";
import { ascendingOrder } from "./order";
import { periodKey } from "./period";
import type { CustomerResult } from "./result";
import { EIGHT_SEGMENTS, TEN_SEGMENTS } from "./segments";
import { countCodes, matrix, rankCodes } from "./tally";
import type { SegmentId, Tier } from "./types";

export { TOP_DEMAND_TYPES_TREND, TREND_MONTHS } from "./contact-trend";
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
  /** what the scoring loop noted about each customer */
  columns: ScoredColumns;
  /** the results, read only for the overdue list */
  results: CustomerResult[];
  customers: CustomerRecord[];
  behaviour: BehaviourRecord[];
  /** 1 when Behaviour row i belongs to a customer on the list */
  behaviourKnown: Uint8Array;
  interactions: InteractionRecord[];
  /** customer index (first of its id) of each Interactions row, −1 when none */
  interactionCustomer: Int32Array;
  /** each customer's first same-id customer index (itself when unique or blank) */
  firstIdx: Int32Array;
  segmentModel: "eight" | "ten";
}

const TIER_ORDER: readonly Tier[] = ["A", "B", "C", "D", ""];

// The tallies below run over 100,000 customers: hot loops in small functions (see tally.ts).

/** Listed values first in list order, then others by name, blank last: the order people expect. */
function listOrder(present: Set<string>, listed: readonly string[]): string[] {
  const out = listed.filter((v) => present.has(v));
  const rest = [...present].filter((v) => v !== "" && !listed.includes(v)).sort();
  return present.has("") ? [...out, ...rest, ""] : [...out, ...rest];
}

/** Rows are below 2^22 (Excel has 2^20) and days below 2^30, so −days·2^22 + row is exact. */
const ROW_SPAN = 2 ** 22;
const DAYS_SPAN = 2 ** 30;

/**
 * Customer indices by days overdue, most first, then by sheet row; ties keep their order. Whole
 * days and rows (always, from the mapping) are packed into one number and radix-sorted; anything
 * else takes the comparator, which gives the same order.
 */
function mostOverdueFirst(at: Int32Array, results: CustomerResult[]): Int32Array {
  const key = new Float64Array(at.length);
  let packable = true;
  for (let k = 0; k < at.length; k++) {
    const r = results[at[k]];
    const days = r.daysOverdue;
    const row = r.row;
    if (!(Number.isInteger(days) && Number.isInteger(row) && row >= 0 && row < ROW_SPAN && Math.abs(days) < DAYS_SPAN)) packable = false;
    key[k] = -days * ROW_SPAN + row;
  }
  if (!packable) return Int32Array.from(Array.from(at).sort((a, b) => results[b].daysOverdue - results[a].daysOverdue || results[a].row - results[b].row));
  const order = ascendingOrder(key);
  const out = new Int32Array(at.length);
  for (let k = 0; k < at.length; k++) out[k] = at[order[k]];
  return out;
}

function overdueItems(order: Int32Array, results: CustomerResult[], customers: CustomerRecord[]): OverdueItem[] {
  const out: OverdueItem[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const r = results[i];
    out[k] = { row: r.row, id: r.id, name: r.name, nextFollowUp: r.nextFollowUp as number, daysOverdue: r.daysOverdue, priority: customers[i].priority };
  }
  return out;
}

interface Tally {
  /** per TIER_ORDER slot */
  count: Int32Array;
  amount: Float64Array;
  /**
   * the total amount, then the core customers' amount. A typed array, not number fields: see
   * shapes.ts on number fields in objects made once per run.
   */
  amounts: Float64Array;
  coreCount: number;
  newCount: number;
  existingCount: number;
  withBehaviour: number;
  prospects: number;
  incomplete: number;
  dueSoon: number;
  /** customer indices, in order */
  overdue: Int32Array;
  /** per segmentSlot */
  segments: Int32Array;
}

function tallyCustomers(c: ScoredColumns): Tally {
  const n = c.length;
  const count = new Int32Array(TIER_ORDER.length);
  const amount = new Float64Array(TIER_ORDER.length);
  const segments = new Int32Array(Math.max(EIGHT_SEGMENTS.length, TEN_SEGMENTS.length));
  const overdue = new Int32Array(n);
  let overdueN = 0;
  let totalAmount = 0;
  let coreCount = 0;
  let coreAmount = 0;
  let newCount = 0;
  let existingCount = 0;
  let withBehaviour = 0;
  let prospects = 0;
  let incomplete = 0;
  let dueSoon = 0;
  for (let i = 0; i < n; i++) {
    const slot = c.tier[i];
    const amt = c.amount[i];
    const flags = c.flags[i];
    count[slot]++;
    amount[slot] += amt;
    totalAmount += amt;
    if (flags & FLAG.core) {
      coreCount++;
      coreAmount += amt;
    }
    if (flags & FLAG.isNew) newCount++;
    else if (flags & FLAG.existing) existingCount++;
    if (flags & FLAG.hasBehaviour) withBehaviour++;
    else if (flags & FLAG.prospect) prospects++;
    if (flags & FLAG.incomplete) incomplete++;
    if (c.segment[i] >= 0) segments[c.segment[i]]++;
    const fu = c.followUp[i];
    if (fu === FOLLOW_UP.dueSoon) dueSoon++;
    else if (fu === FOLLOW_UP.overdue) overdue[overdueN++] = i;
  }
  return { count, amount, amounts: Float64Array.of(totalAmount, coreAmount), coreCount, newCount, existingCount, withBehaviour, prospects, incomplete, dueSoon, overdue: overdue.subarray(0, overdueN), segments };
}

interface IndustryTally {
  count: Int32Array;
  lSum: Float64Array;
  lN: Int32Array;
  nSum: Float64Array;
  nN: Int32Array;
}

function tallyIndustries(c: ScoredColumns, codes: number): IndustryTally {
  const t: IndustryTally = { count: new Int32Array(codes), lSum: new Float64Array(codes), lN: new Int32Array(codes), nSum: new Float64Array(codes), nN: new Int32Array(codes) };
  const { count, lSum, lN, nSum, nN } = t;
  for (let i = 0; i < c.length; i++) {
    const id = c.industry[i];
    count[id]++;
    const l = c.likelihood[i];
    if (l === l) {
      lSum[id] += l;
      lN[id]++;
    }
    const m = c.needMatch[i];
    if (m === m) {
      nSum[id] += m;
      nN[id]++;
    }
  }
  return t;
}

/** Industries by count with mean ratings over the customers that have them. */
function industryStats(c: ScoredColumns): IndustryStat[] {
  const values = c.industries.values;
  const { count, lSum, lN, nSum, nN } = tallyIndustries(c, values.length);
  return values
    .map((industry, id) => ({ industry, count: count[id], meanLikelihood: lN[id] ? lSum[id] / lN[id] : null, meanNeedMatch: nN[id] ? nSum[id] / nN[id] : null }))
    .sort((a, b) => b.count - a.count || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0));
}

interface PeriodTally {
  labels: Interner;
  customers: Int32Array;
  purchases: Float64Array;
  amount: Float64Array;
  firstRow: Float64Array;
}

function tallyPeriods(behaviour: BehaviourRecord[], known: Uint8Array): PeriodTally {
  const labels = new Interner();
  const label = new Int32Array(behaviour.length);
  for (let i = 0; i < behaviour.length; i++) label[i] = known[i] === 0 ? -1 : labels.id(behaviour[i].period.trim());
  const k = labels.values.length;
  const t: PeriodTally = { labels, customers: new Int32Array(k), purchases: new Float64Array(k), amount: new Float64Array(k), firstRow: new Float64Array(k).fill(Infinity) };
  const { customers, purchases, amount, firstRow } = t;
  for (let i = 0; i < behaviour.length; i++) {
    const id = label[i];
    if (id < 0) continue;
    const b = behaviour[i];
    customers[id]++;
    purchases[id] += b.purchases ?? 0;
    amount[id] += b.amount ?? 0;
    if (b.row < firstRow[id]) firstRow[id] = b.row;
  }
  return t;
}

/** Purchase trend by 统计周期, for known customers only (unknown ids are reported elsewhere). */
function periodStats(behaviour: BehaviourRecord[], known: Uint8Array): PeriodStat[] {
  const t = tallyPeriods(behaviour, known);
  return t.labels.values
    .map((period, id) => ({ period, key: periodKey(period), firstRow: t.firstRow[id], id }))
    .sort((a, b) => {
      if (a.key !== null && b.key !== null && a.key !== b.key) return a.key - b.key;
      if (a.key === null && b.key !== null) return 1;
      if (a.key !== null && b.key === null) return -1;
      return a.firstRow - b.firstRow;
    })
    .map(({ period, id }) => ({ period, customers: t.customers[id], purchases: t.purchases[id], amount: t.amount[id] }));
}

export function buildSummary(x: SummaryInput, refDate: number): SummaryData {
  const { customers, results, columns: c } = x;
  const n = c.length;
  const t = tallyCustomers(c);
  const totalAmount = t.amounts[0];
  const coreAmount = t.amounts[1];
  const tiers: TierStat[] = TIER_ORDER.map((tier, k) => ({ tier, count: t.count[k], share: n > 0 ? t.count[k] / n : 0, amount: t.amount[k] }));
  const overdue = overdueItems(mostOverdueFirst(t.overdue, results), results, customers);

  const industries = industryStats(c);

  const demandCounts = rankCodes(countCodes(c.demand, c.demands.values.length), c.demands.values);
  const withDemand = demandCounts.reduce((s, d) => s + d.count, 0);
  const demandTypes: ShareStat[] = demandCounts.map((d) => ({ key: d.key, count: d.count, share: withDemand ? d.count / withDemand : 0 }));

  const trend = contactTrend(x, refDate);

  const grades = listOrder(new Set(c.grades.values), LISTS.grade.map((g) => g.value));
  const priorities = listOrder(new Set(c.priorities.values), LISTS.priority.map((p) => p.value));
  const gradePriority = matrix(grades, priorities, c.grade, c.grades.values, c.priority, c.priorities.values, n);

  const topInd = industries.filter((s) => s.industry !== "").slice(0, TOP_INDUSTRIES_MATRIX).map((s) => s.industry);
  const topDem = demandTypes.slice(0, TOP_DEMAND_TYPES_MATRIX).map((d) => d.key);
  const industryDemand = matrix(topInd, topDem, c.industry, c.industries.values, c.demand, c.demands.values, n);

  const segIds: readonly SegmentId[] = x.segmentModel === "ten" ? TEN_SEGMENTS : EIGHT_SEGMENTS;
  const segments = segIds.map((segment, k) => ({ segment, count: t.segments[k] }));

  return {
    refDate,
    customerCount: n,
    withBehaviourCount: t.withBehaviour,
    prospectCount: t.prospects,
    unscoredCount: tiers[4].count,
    totalAmount,
    tiers,
    industries,
    demandTypes,
    demandTypeBlank: n - withDemand,
    contactTrend: { months: trend.months, contacts: trend.contacts },
    demandTrend: trend.demandTrend,
    gradePriority,
    industryDemand,
    overdue,
    dueSoonCount: t.dueSoon,
    coreCount: t.coreCount,
    coreAmountShare: totalAmount > 0 ? coreAmount / totalAmount : 0,
    newCount: t.newCount,
    existingCount: t.existingCount,
    segments,
    periods: periodStats(x.behaviour, x.behaviourKnown),
    incompleteCount: t.incomplete,
  };
}

