import type { BehaviourRowResult } from "./behaviour";
import type { Conclusions } from "./conclusions";
import type { SummaryData } from "./summary";
import type { CustomerType, DataGap, FollowUpStatus, Issue, Reason, ScoreKind, SegmentId, Tier, Trait } from "./types";

/** Everything Score and tier decided about one Customers row; numbers, not text (see format.ts). */
export interface CustomerResult {
  /** 0-based sheet row of the Customers record */
  row: number;
  id: string;
  name: string;
  hasBehaviour: boolean;
  /** 统计周期 of the scored (latest) Behaviour row */
  period: string | null;
  purchases: number | null;
  amount: number | null;
  complaints: number | null;
  activity: number | null;
  declineRate: number | null;
  churnRisk: number | null;
  avgOrder: number | null;
  tenureMonths: number | null;
  /** null for prospects (no Behaviour) */
  valueScore: number | null;
  prospectScore: number | null;
  /** the score the tier used */
  score: number | null;
  scoreKind: ScoreKind;
  tier: Tier;
  /** mid-rank percentiles within customers with Behaviour (null for prospects) */
  pAmount: number | null;
  pActivity: number | null;
  pTenure: number | null;
  core: boolean;
  customerType: CustomerType | null;
  recencyDays: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: SegmentId | null;
  /** later of 最近沟通时间 and the latest Interactions row */
  lastContact: number | null;
  nextFollowUp: number | null;
  followUpStatus: FollowUpStatus | null;
  daysOverdue: number;
  /** column ids the data status names (key fields blank, figures counted as 0) */
  missing: string[];
  gaps: DataGap[];
  reason: Reason;
  traits: Trait[];
  issues: Issue[];
}

export interface ScoreResult {
  /** same order as the input customers */
  customers: CustomerResult[];
  /** same order as the input behaviour (empty when there is no Behaviour sheet) */
  behaviourRows: BehaviourRowResult[];
  summary: SummaryData;
  conclusions: Conclusions;
  /** distinct Behaviour customer ids (as typed, trimmed) with no Customers row, by first row */
  unknownBehaviourIds: string[];
  /** sheet rows of Behaviour rows with a blank 客户编号 */
  behaviourRowsWithoutId: number[];
  /** the reference date used (whole day) */
  refDate: number;
}
