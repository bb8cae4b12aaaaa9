import type { Settings } from "../settings/types";
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
  if (x.tier === "" || x.score === null || x.kind === "none") return { kind: "none", tier: "" };
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
  const out: Issue[] = [];
  if (x.complaints !== null && x.complaints > 0) out.push({ id: "complaints", count: x.complaints });
  if (x.declineRate !== null && x.declineRate > 0) out.push({ id: "decline", rate: x.declineRate });
  if (x.hasBehaviour && x.pActivity < LOW_P) out.push(LOW_ACTIVITY);
  if (x.recencyDays !== null && x.recencyDays > STALE_RECENCY_DAYS) out.push({ id: "staleRecency", days: x.recencyDays });
  if (x.daysOverdue > 0) out.push({ id: "overdue", days: x.daysOverdue });
  if (!x.hasBehaviour && x.likelihood !== null && x.likelihood <= 2) out.push({ id: "lowLikelihood", value: x.likelihood });
  return out;
}
