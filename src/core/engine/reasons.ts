import { DEFAULT_SETTINGS, type Settings } from "../settings/types";
import { keepShape } from "./shapes";
import type { Issue, Reason, ScoreKind, Tier, Trait } from "./types";

/** Percentile bands for words like 高频次 / 活跃度不足: top and bottom 30 % of the population. */
export const HIGH_P = 0.7;
export const LOW_P = 0.3;
/** No purchase for this long is worth a word even when the tier is fine. */
export const STALE_RECENCY_DAYS = 180;
/** A tenure this long (and in the top band) is a trait. */
export const LONG_TENURE_MONTHS = 12;

// Parameterless traits and issues are shared, not allocated per customer (100,000 rows).
const HIGH_FREQUENCY: Trait = Object.freeze({ id: "highFrequency" });
const LOW_FREQUENCY: Trait = Object.freeze({ id: "lowFrequency" });
const HIGH_AVG_ORDER: Trait = Object.freeze({ id: "highAvgOrder" });
const HIGH_ACTIVITY: Trait = Object.freeze({ id: "highActivity" });
const HIGH_AMOUNT: Trait = Object.freeze({ id: "highAmount" });
const MID_AMOUNT: Trait = Object.freeze({ id: "midAmount" });
const LOW_AMOUNT: Trait = Object.freeze({ id: "lowAmount" });
const LOW_ACTIVITY: Issue = Object.freeze({ id: "lowActivity" });
const NO_REASON: Reason = Object.freeze({ kind: "none", tier: "" });
// Most customers have no issue at all; they share one (frozen) empty list.
const NO_ISSUES: Issue[] = Object.freeze([]) as readonly Issue[] as Issue[];

export interface ReasonInput {
  kind: ScoreKind;
  tier: Tier;
  score: number | null;
  pAmount: number;
  pActivity: number;
  pTenure: number;
  churnRisk: number | null;
  declineRate: number | null;
  complaints: number | null;
  needMatch: number | null;
  likelihood: number | null;
}

export function reasonOf(x: ReasonInput, s: Settings): Reason {
  if (x.tier === "" || x.score === null || x.kind === "none") return NO_REASON;
  if (x.tier === "D") {
    return { kind: "churn", tier: "D", score: x.score, churnRisk: x.churnRisk ?? 0, churnThreshold: s.churnThreshold, declineRate: x.declineRate ?? 0, complaints: x.complaints ?? 0 };
  }
  if (x.kind === "prospect") return { kind: "prospect", tier: x.tier, score: x.score, needMatch: x.needMatch, likelihood: x.likelihood, tierA: s.tierA, tierB: s.tierB };
  return {
    kind: "value",
    tier: x.tier,
    score: x.score,
    pAmount: x.pAmount,
    pActivity: x.pActivity,
    pTenure: x.pTenure,
    weights: s.weights,
    churnRisk: x.churnRisk ?? 0,
    churnThreshold: s.churnThreshold,
    tierA: s.tierA,
    tierB: s.tierB,
  };
}

/**
 * reasonOf for one scoring run (one Settings): a prospect's reason follows from its two ratings
 * alone, so the customers with the same ratings (a handful of pairs) share one frozen reason.
 */
export class Reasons {
  private readonly prospects = new Map<number, Reason>();

  constructor(private readonly settings: Settings) {}

  of(x: ReasonInput): Reason {
    if (x.kind !== "prospect" || x.tier === "" || x.tier === "D" || x.score === null) return reasonOf(x, this.settings);
    const need = ratingKey(x.needMatch);
    const likely = ratingKey(x.likelihood);
    if (need < 0 || likely < 0) return reasonOf(x, this.settings);
    const key = need * 16 + likely;
    let reason = this.prospects.get(key);
    if (reason === undefined) this.prospects.set(key, (reason = Object.freeze(reasonOf(x, this.settings))));
    return reason;
  }
}

/** 0 for no rating, the rating when a whole 1–15, −1 otherwise (not shared). */
function ratingKey(v: number | null): number {
  if (v === null) return 0;
  return v >= 1 && v <= 15 && v === Math.floor(v) ? v : -1;
}

export interface TraitInput {
  hasBehaviour: boolean;
  pAmount: number;
  pActivity: number;
  pPurchases: number;
  /** null when the customer has no 客单价 */
  pAvgOrder: number | null;
  pTenure: number;
  tenureMonths: number | null;
  category: string;
  needMatch: number | null;
  likelihood: number | null;
}

/** 核心行为特征 (seed 001: 高频次购买、客单价高、活跃度强 / 购买金额中等、偏好促销活动). */
export function traitsOf(x: TraitInput): Trait[] {
  const t: Trait[] = [];
  if (x.hasBehaviour) {
    if (x.pPurchases >= HIGH_P) t.push(HIGH_FREQUENCY);
    else if (x.pPurchases < LOW_P) t.push(LOW_FREQUENCY);
    if (x.pAvgOrder !== null && x.pAvgOrder >= HIGH_P) t.push(HIGH_AVG_ORDER);
    if (x.pActivity >= HIGH_P) t.push(HIGH_ACTIVITY);
    if (x.pAmount >= HIGH_P) t.push(HIGH_AMOUNT);
    else if (x.pAmount >= LOW_P) t.push(MID_AMOUNT);
    else t.push(LOW_AMOUNT);
    if (x.category !== "") t.push({ id: "prefers", category: x.category });
    if (x.tenureMonths !== null && x.tenureMonths >= LONG_TENURE_MONTHS && x.pTenure >= HIGH_P) t.push({ id: "longTenure", months: x.tenureMonths });
  }
  if (x.needMatch !== null && x.needMatch >= 4) t.push({ id: "highNeedMatch", value: x.needMatch });
  if (x.likelihood !== null && x.likelihood >= 4) t.push({ id: "highLikelihood", value: x.likelihood });
  return t;
}

export interface IssueInput {
  hasBehaviour: boolean;
  complaints: number | null;
  declineRate: number | null;
  pActivity: number;
  daysOverdue: number;
  recencyDays: number | null;
  likelihood: number | null;
}

/** 主要问题点 (seed 001: 投诉1次、活跃度不足); the tier alone does not say what to fix. */
export function issuesOf(x: IssueInput): Issue[] {
  const any =
    (x.complaints !== null && x.complaints > 0) ||
    (x.declineRate !== null && x.declineRate > 0) ||
    (x.hasBehaviour && x.pActivity < LOW_P) ||
    (x.recencyDays !== null && x.recencyDays > STALE_RECENCY_DAYS) ||
    x.daysOverdue > 0 ||
    (!x.hasBehaviour && x.likelihood !== null && x.likelihood <= 2);
  if (!any) return NO_ISSUES;
  const out: Issue[] = [];
  if (x.complaints !== null && x.complaints > 0) out.push({ id: "complaints", count: x.complaints });
  if (x.declineRate !== null && x.declineRate > 0) out.push({ id: "decline", rate: x.declineRate });
  if (x.hasBehaviour && x.pActivity < LOW_P) out.push(LOW_ACTIVITY);
  if (x.recencyDays !== null && x.recencyDays > STALE_RECENCY_DAYS) out.push({ id: "staleRecency", days: x.recencyDays });
  if (x.daysOverdue > 0) out.push({ id: "overdue", days: x.daysOverdue });
  if (!x.hasBehaviour && x.likelihood !== null && x.likelihood <= 2) out.push({ id: "lowLikelihood", value: x.likelihood });
  return out;
}

/**
 * Issue lists for one scoring run, as issuesOf makes them, but with each issue made once per
 * figure and shared (frozen), a lone issue's list shared too, and longer lists made at their exact
 * length: overdue days, complaint counts and the like repeat across 100,000 customers.
 */
export class IssueLists {
  // Per figure, the one-issue list holding that figure's issue: a customer with only that issue
  // gets the list, one with several gets the issues.
  private readonly complaints = new Map<number, Issue[]>();
  private readonly decline = new Map<number, Issue[]>();
  private readonly stale = new Map<number, Issue[]>();
  private readonly overdue = new Map<number, Issue[]>();
  private readonly lowLikelihood = new Map<number, Issue[]>();
  private readonly lowActivity = alone(LOW_ACTIVITY);
  /** the customer's issues so far, as one-issue lists, reused from customer to customer */
  private readonly found: Issue[][] = [];

  of(x: IssueInput): Issue[] {
    const found = this.found;
    let k = 0;
    if (x.complaints !== null && x.complaints > 0) {
      let list = this.complaints.get(x.complaints);
      if (list === undefined) this.complaints.set(x.complaints, (list = alone({ id: "complaints", count: x.complaints })));
      found[k++] = list;
    }
    if (x.declineRate !== null && x.declineRate > 0) {
      let list = this.decline.get(x.declineRate);
      if (list === undefined) this.decline.set(x.declineRate, (list = alone({ id: "decline", rate: x.declineRate })));
      found[k++] = list;
    }
    if (x.hasBehaviour && x.pActivity < LOW_P) found[k++] = this.lowActivity;
    if (x.recencyDays !== null && x.recencyDays > STALE_RECENCY_DAYS) {
      let list = this.stale.get(x.recencyDays);
      if (list === undefined) this.stale.set(x.recencyDays, (list = alone({ id: "staleRecency", days: x.recencyDays })));
      found[k++] = list;
    }
    if (x.daysOverdue > 0) {
      let list = this.overdue.get(x.daysOverdue);
      if (list === undefined) this.overdue.set(x.daysOverdue, (list = alone({ id: "overdue", days: x.daysOverdue })));
      found[k++] = list;
    }
    if (!x.hasBehaviour && x.likelihood !== null && x.likelihood <= 2) {
      // A Map takes −0 for 0; a rating of 0 (or −0) keeps its own issue.
      let list = x.likelihood === 0 ? undefined : this.lowLikelihood.get(x.likelihood);
      if (list === undefined) {
        list = alone({ id: "lowLikelihood", value: x.likelihood });
        if (x.likelihood !== 0) this.lowLikelihood.set(x.likelihood, list);
      }
      found[k++] = list;
    }
    if (k === 0) return NO_ISSUES;
    if (k === 1) return found[0];
    // Exact length: a list grown by push keeps room for 17.
    const out: Issue[] = new Array(k);
    for (let j = 0; j < k; j++) out[j] = found[j][0];
    return out;
  }
}

/** A frozen list of one frozen issue. */
function alone(issue: Issue): Issue[] {
  return Object.freeze([Object.freeze(issue)]) as readonly Issue[] as Issue[];
}

/**
 * Trait lists shared by the customers of one scoring run that have the same traits: 100,000
 * customers fall into a few thousand combinations at most, and a shared list costs nothing per
 * customer. Lists are frozen, so a consumer cannot change a neighbour's traits by accident.
 * A combination is keyed by one small integer; figures outside the ranges keyed (an unusual
 * tenure or rating, hundreds of categories) get a list of their own, as before.
 */
export class TraitLists {
  private readonly lists = new Map<number, Trait[]>();

  /** `categoryCode`: the caller's code for x.category (one code per text, for every call). */
  of(x: TraitInput, categoryCode: number): Trait[] {
    const key = this.keyOf(x, categoryCode);
    if (key < 0) return traitsOf(x);
    let list = this.lists.get(key);
    if (list === undefined) {
      list = Object.freeze(traitsOf(x)) as readonly Trait[] as Trait[];
      this.lists.set(key, list);
    }
    return list;
  }

  /** −1 when the combination is not keyed. Bits: behaviour 6, category 8, tenure 10, ratings 2 + 2. */
  private keyOf(x: TraitInput, categoryCode: number): number {
    let behaviour = 36;
    let category = 0;
    let tenure = 0;
    if (x.hasBehaviour) {
      const freq = x.pPurchases >= HIGH_P ? 1 : x.pPurchases < LOW_P ? 2 : 0;
      const avgOrder = x.pAvgOrder !== null && x.pAvgOrder >= HIGH_P ? 1 : 0;
      const activity = x.pActivity >= HIGH_P ? 1 : 0;
      const amount = x.pAmount >= HIGH_P ? 0 : x.pAmount >= LOW_P ? 1 : 2;
      behaviour = ((freq * 2 + avgOrder) * 2 + activity) * 3 + amount;
      if (x.category !== "") {
        const c = categoryCode + 1;
        if (!(c > 0 && c <= 0xff)) return -1;
        category = c;
      }
      if (x.tenureMonths !== null && x.tenureMonths >= LONG_TENURE_MONTHS && x.pTenure >= HIGH_P) {
        tenure = x.tenureMonths - LONG_TENURE_MONTHS + 1;
        if (!(tenure <= 0x3ff) || tenure !== Math.floor(tenure)) return -1;
      }
    }
    const need = ratingCode(x.needMatch);
    const likely = ratingCode(x.likelihood);
    if (need < 0 || likely < 0) return -1;
    // Below 2^28: `| 0` keeps it a small integer, which a Map hashes without boxing.
    return (behaviour + 64 * (category + 256 * (tenure + 1024 * (need + 4 * likely)))) | 0;
  }
}

/** A rating as the traits see it: 0 below 4 (no trait), 1 for 4, 2 for 5, −1 for anything else. */
function ratingCode(v: number | null): number {
  if (v === null || v < 4) return 0;
  return v === 4 ? 1 : v === 5 ? 2 : -1;
}

// The classes' shapes outlive a run (see shapes.ts).
keepShape(new Reasons(DEFAULT_SETTINGS));
keepShape(new IssueLists());
keepShape(new TraitLists());
