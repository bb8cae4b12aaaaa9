import { CONCLUSION_TEXT } from "../i18n/engine";
import type { Label } from "../plan/cells";
import type { CustomerRecord } from "../mapping/records";
import type { BehaviourCurrent } from "./behaviour";
import type { CustomerResult } from "./result";
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

function top(values: string[]): { name: string; share: number } | null {
  const m = new Map<string, number>();
  let n = 0;
  for (const v of values) {
    if (v === "") continue;
    m.set(v, (m.get(v) ?? 0) + 1);
    n++;
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [k, c] of m) if (c > bestN || (c === bestN && best !== null && k < best)) [best, bestN] = [k, c];
  if (best === null || values.length === 0) return null;
  return { name: best, share: bestN / values.length };
}

/**
 * Per-tier conclusions in words drawn from the data (seed 001: "A类客户主要集中在制造业, 偏好高端
 * 产品线"; "D类客户普遍…") and 2–4 recommendations, most urgent first.
 */
export function buildConclusions(summary: SummaryData, customers: CustomerRecord[], results: CustomerResult[], current: (BehaviourCurrent | undefined)[]): Conclusions {
  const total = summary.totalAmount;
  const tiers = TIERS.map((tier) => {
    const idx: number[] = [];
    for (let i = 0; i < results.length; i++) if (results[i].tier === tier) idx.push(i);
    const stat = summary.tiers.find((t) => t.tier === tier);
    let complaints = 0;
    let declineSum = 0;
    let declineN = 0;
    let scoreSum = 0;
    let prospects = 0;
    const cats: string[] = [];
    for (const i of idx) {
      const r = results[i];
      if ((r.complaints ?? 0) > 0) complaints++;
      if (r.declineRate !== null) {
        declineSum += r.declineRate;
        declineN++;
      }
      if (r.score !== null) scoreSum += r.score;
      if (r.scoreKind === "prospect") prospects++;
      const cur = current[i];
      if (cur) cats.push(cur.category);
    }
    const facts: TierFacts = {
      tier,
      count: idx.length,
      share: stat ? stat.share : 0,
      amountShare: stat && total > 0 ? stat.amount / total : 0,
      topIndustry: top(idx.map((i) => customers[i].industry)),
      topCategory: top(cats),
      prospectCount: prospects,
      complaintShare: idx.length ? complaints / idx.length : 0,
      meanDecline: declineN ? declineSum / declineN : 0,
      meanScore: idx.length ? scoreSum / idx.length : null,
    };
    return { ...facts, text: CONCLUSION_TEXT.tier(facts, NOTABLE_SHARE) };
  });

  const recs: Recommendation[] = [];
  const d = tiers[3];
  if (d.count > 0) recs.push({ id: "recoverD", count: d.count, complaintShare: d.complaintShare });
  if (summary.overdue.length > 0) recs.push({ id: "overdue", count: summary.overdue.length, high: summary.overdue.filter((o) => o.priority === "高").length });
  if (tiers[0].count > 0) recs.push({ id: "nurtureA", count: tiers[0].count, amountShare: tiers[0].amountShare });
  const bProspects = results.filter((r) => r.tier === "B" && r.scoreKind === "prospect").length;
  if (bProspects > 0) recs.push({ id: "nurtureProspects", count: bProspects });
  if (summary.incompleteCount > 0) recs.push({ id: "completeData", count: summary.incompleteCount });
  if (summary.withBehaviourCount === 0) recs.push({ id: "addBehaviour" });
  if (tiers[2].count > 0) recs.push({ id: "liftC", count: tiers[2].count });
  // Always true, so there are at least two recommendations whatever the data.
  recs.push({ id: "reviewMonthly" });
  const chosen = recs.slice(0, 4);
  return { tiers, recommendations: chosen.map((r) => ({ ...r, text: CONCLUSION_TEXT.recommendation(r) })) };
}
