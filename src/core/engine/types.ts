import type { Settings } from "../settings/types";

/** A tier as written to the sheet; "" when the customer has nothing to be scored on. */
export type Tier = "A" | "B" | "C" | "D" | "";
export type ScoredTier = Exclude<Tier, "">;
export const TIERS: readonly ScoredTier[] = ["A", "B", "C", "D"];

/** Which score the tier used: the value score (has Behaviour), the prospect score, or none. */
export type ScoreKind = "value" | "prospect" | "none";

export type FollowUpStatus = "overdue" | "dueSoon" | "ok";
export type CustomerType = "new" | "existing";

export type EightSegmentId =
  | "importantValue"
  | "importantDevelop"
  | "importantKeep"
  | "importantRetain"
  | "generalValue"
  | "generalDevelop"
  | "generalKeep"
  | "generalRetain";

export type TenSegmentId =
  | "champions"
  | "loyal"
  | "potentialLoyalists"
  | "newCustomers"
  | "promising"
  | "needAttention"
  | "aboutToSleep"
  | "atRisk"
  | "cantLoseThem"
  | "hibernating";

export type SegmentId = EightSegmentId | TenSegmentId;

/** Why a tier was given, as numbers a person can recompute (PIPL Art. 24 transparency). */
export type Reason =
  | {
      kind: "value";
      tier: "A" | "B" | "C";
      score: number;
      /** mid-rank percentiles, 0–1 */
      pAmount: number;
      pActivity: number;
      pTenure: number;
      weights: Settings["weights"];
      churnRisk: number;
      churnThreshold: number;
      tierA: number;
      tierB: number;
    }
  | {
      kind: "churn";
      tier: "D";
      score: number;
      churnRisk: number;
      churnThreshold: number;
      declineRate: number;
      complaints: number;
    }
  | {
      kind: "prospect";
      tier: "A" | "B" | "C";
      score: number;
      needMatch: number | null;
      likelihood: number | null;
      tierA: number;
      tierB: number;
    }
  | { kind: "none"; tier: "" };

/** 核心行为特征: descriptors drawn from the customer's percentiles and ratings. */
export type Trait =
  | { id: "highFrequency" }
  | { id: "lowFrequency" }
  | { id: "highAvgOrder" }
  | { id: "highActivity" }
  | { id: "highAmount" }
  | { id: "midAmount" }
  | { id: "lowAmount" }
  | { id: "prefers"; category: string }
  | { id: "longTenure"; months: number }
  | { id: "highNeedMatch"; value: number }
  | { id: "highLikelihood"; value: number };

/** 主要问题点: what a person should look at. */
export type Issue =
  | { id: "complaints"; count: number }
  | { id: "decline"; rate: number }
  | { id: "lowActivity" }
  | { id: "overdue"; days: number }
  | { id: "staleRecency"; days: number }
  | { id: "lowLikelihood"; value: number };

/**
 * One gap the data status names. `field` is a column id (Customers or Behaviour), or
 * "mobileOrEmail" (either one suffices), or "id" for a duplicated customer id.
 */
export interface DataGap {
  field: string;
  kind: "missing" | "countedAsZero" | "assumedMedium" | "duplicateId" | "futureStart";
}
