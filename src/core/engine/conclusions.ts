import { CONCLUSION_TEXT } from "../i18n/engine";
import type { Label } from "../plan/cells";
import { FLAG, type ScoredColumns } from "./columns";
import type { SummaryData } from "./summary";
import type { ScoredTier } from "./types";
import { TIERS } from "./types";

/** A share only earns a sentence when it says something: a plurality of at least this much. */
export const NOTABLE_SHARE = 0.3;

export interface TierFacts {
  tier: ScoredTier;
  count: number;
  /** of all customers */
  share: number;
  /** of the total amount */
  amountShare: number;
  topIndustry: { name: string; share: number } | null;
  topCategory: { name: string; share: number } | null;
  prospectCount: number;
  /** D only meaningfully: share with ≥ 1 complaint, mean decline rate */
  complaintShare: number;
  meanDecline: number;
  meanScore: number | null;
}

export type Recommendation =
  | { id: "recoverD"; count: number; complaintShare: number }
  | { id: "overdue"; count: number; high: number }
  | { id: "nurtureA"; count: number; amountShare: number }
  | { id: "nurtureProspects"; count: number }
  | { id: "completeData"; count: number }
  | { id: "addBehaviour" }
  | { id: "liftC"; count: number }
  | { id: "reviewMonthly" };

export interface Conclusions {
  tiers: (TierFacts & { text: Label })[];
  recommendations: (Recommendation & { text: Label })[];
}

/**
 * The most frequent non-blank text among one tier's members (ties: the first by text) and its share
 * of all `members`, blanks included; null when none. `counts` holds the tier's count per code.
 */
function top(counts: Int32Array, from: number, values: readonly string[], members: number): { name: string; share: number } | null {
  let best = -1;
  let bestN = 0;
  for (let id = 0; id < values.length; id++) {
    const c = counts[from + id];
    if (c === 0 || values[id] === "") continue;
    if (c > bestN || (c === bestN && values[id] < values[best])) {
      best = id;
      bestN = c;
    }
  }
  if (best < 0 || members === 0) return null;
  return { name: values[best], share: bestN / members };
}

interface TierTally {
  count: Int32Array;
  complaints: Int32Array;
  declineSum: Float64Array;
  declineN: Int32Array;
  scoreSum: Float64Array;
  prospects: Int32Array;
  withCategory: Int32Array;
  /** tier · codes + industry code */
  industryCount: Int32Array;
  categoryCount: Int32Array;
}

/** The four tiers' figures in one pass (its own function: see summary.ts on hot loops). */
function tallyTiers(c: ScoredColumns): TierTally {
  const T = TIERS.length;
  const industries = c.industries.values.length;
  const categories = c.categories.values.length;
  const count = new Int32Array(T);
  const complaints = new Int32Array(T);
  const declineSum = new Float64Array(T);
  const declineN = new Int32Array(T);
  const scoreSum = new Float64Array(T);
  const prospects = new Int32Array(T);
  const withCategory = new Int32Array(T);
  const industryCount = new Int32Array(T * industries);
  const categoryCount = new Int32Array(T * categories);
  for (let i = 0; i < c.length; i++) {
    const t = c.tier[i];
    if (t >= T) continue;
    const flags = c.flags[i];
    count[t]++;
    if (flags & FLAG.complaint) complaints[t]++;
    const decline = c.declineRate[i];
    if (decline === decline) {
      declineSum[t] += decline;
      declineN[t]++;
    }
    const score = c.score[i];
    if (score === score) scoreSum[t] += score;
    if (flags & FLAG.prospect) prospects[t]++;
    industryCount[t * industries + c.industry[i]]++;
    if (c.category[i] >= 0) {
      withCategory[t]++;
      categoryCount[t * categories + c.category[i]]++;
    }
  }
  return { count, complaints, declineSum, declineN, scoreSum, prospects, withCategory, industryCount, categoryCount };
}

/**
 * Per-tier conclusions in words drawn from the data (seed 001: "A类客户主要集中在制造业, 偏好高端
 * 产品线"; "D类客户普遍…") and 2–4 recommendations, most urgent first. One pass over the scoring
 * loop's columns tallies all four tiers.
 */
export function buildConclusions(summary: SummaryData, c: ScoredColumns): Conclusions {
  const total = summary.totalAmount;
  const industries = c.industries.values;
  const categories = c.categories.values;
  const { count, complaints, declineSum, declineN, scoreSum, prospects, withCategory, industryCount, categoryCount } = tallyTiers(c);
  const tiers = TIERS.map((tier, t) => {
    const stat = summary.tiers.find((s) => s.tier === tier);
    const facts: TierFacts = {
      tier,
      count: count[t],
      share: stat ? stat.share : 0,
      amountShare: stat && total > 0 ? stat.amount / total : 0,
      topIndustry: top(industryCount, t * industries.length, industries, count[t]),
      topCategory: top(categoryCount, t * categories.length, categories, withCategory[t]),
      prospectCount: prospects[t],
      complaintShare: count[t] ? complaints[t] / count[t] : 0,
      meanDecline: declineN[t] ? declineSum[t] / declineN[t] : 0,
      meanScore: count[t] ? scoreSum[t] / count[t] : null,
    };
    return { ...facts, text: CONCLUSION_TEXT.tier(facts, NOTABLE_SHARE) };
  });

  const recs: Recommendation[] = [];
  const d = tiers[3];
  if (d.count > 0) recs.push({ id: "recoverD", count: d.count, complaintShare: d.complaintShare });
  if (summary.overdue.length > 0) recs.push({ id: "overdue", count: summary.overdue.length, high: summary.overdue.filter((o) => o.priority === "高").length });
  if (tiers[0].count > 0) recs.push({ id: "nurtureA", count: tiers[0].count, amountShare: tiers[0].amountShare });
  // B prospects: the tier's prospects (only prospects and value customers have a tier).
  const bProspects = prospects[1];
  if (bProspects > 0) recs.push({ id: "nurtureProspects", count: bProspects });
  if (summary.incompleteCount > 0) recs.push({ id: "completeData", count: summary.incompleteCount });
  if (summary.withBehaviourCount === 0) recs.push({ id: "addBehaviour" });
  if (tiers[2].count > 0) recs.push({ id: "liftC", count: tiers[2].count });
  // Always true, so there are at least two recommendations whatever the data.
  recs.push({ id: "reviewMonthly" });
  const chosen = recs.slice(0, 4);
  return { tiers, recommendations: chosen.map((r) => ({ ...r, text: CONCLUSION_TEXT.recommendation(r) })) };
}
