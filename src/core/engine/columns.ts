import { Interner } from "./codes";
import { EIGHT_SEGMENTS, TEN_SEGMENTS } from "./segments";
import { keepShape } from "./shapes";
import type { SegmentId, Tier } from "./types";

/** Bits of ScoredColumns.flags. */
export const FLAG = {
  core: 1,
  isNew: 2,
  existing: 4,
  hasBehaviour: 8,
  prospect: 16,
  /** the data status names at least one gap */
  incomplete: 32,
  /** at least one complaint in the scored period */
  complaint: 64,
} as const;

/** ScoredColumns.followUp values. */
export const FOLLOW_UP = { none: 0, ok: 1, dueSoon: 2, overdue: 3 } as const;

/** A, B, C, D, "" as 0–4: the order of SummaryData.tiers. */
export function tierSlot(t: Tier): number {
  return t === "A" ? 0 : t === "B" ? 1 : t === "C" ? 2 : t === "D" ? 3 : 4;
}

/** Each segment's place in its model's list (EIGHT_SEGMENTS or TEN_SEGMENTS). */
const SEGMENT_SLOT = Object.fromEntries([...EIGHT_SEGMENTS.map((s, i) => [s, i]), ...TEN_SEGMENTS.map((s, i) => [s, i])]) as Record<SegmentId, number>;

export function segmentSlot(s: SegmentId): number {
  return SEGMENT_SLOT[s];
}

/**
 * What the summary and the conclusions count about each customer, one typed array per figure,
 * filled by the scoring loop while the customer is at hand: the tallies then never walk 100,000
 * result objects (and Customers records) again. Blank numbers are NaN; texts are codes.
 */
export class ScoredColumns {
  /** tierSlot of the tier */
  readonly tier: Uint8Array;
  /** the scored period's 购买金额, 0 when blank or without Behaviour */
  readonly amount: Float64Array;
  readonly flags: Uint8Array;
  /** FOLLOW_UP value */
  readonly followUp: Uint8Array;
  /** segmentSlot, −1 without a segment */
  readonly segment: Int8Array;
  /** the score the tier used */
  readonly score: Float64Array;
  readonly declineRate: Float64Array;
  /** 偏好品类 of the scored period, −1 without Behaviour */
  readonly category: Int32Array;
  readonly categories = new Interner();
  // From the Customers row.
  readonly likelihood: Float64Array;
  readonly needMatch: Float64Array;
  /** 最近沟通时间 */
  readonly lastContact: Float64Array;
  readonly industry: Int32Array;
  readonly industries = new Interner();
  readonly demand: Int32Array;
  /** also holds the Interactions sheet's demand types (the contact trend counts them) */
  readonly demands = new Interner();
  readonly grade: Int32Array;
  readonly grades = new Interner();
  readonly priority: Int32Array;
  readonly priorities = new Interner();

  constructor(readonly length: number) {
    this.tier = new Uint8Array(length);
    this.amount = new Float64Array(length);
    this.flags = new Uint8Array(length);
    this.followUp = new Uint8Array(length);
    this.segment = new Int8Array(length);
    this.score = new Float64Array(length);
    this.declineRate = new Float64Array(length);
    this.category = new Int32Array(length);
    this.likelihood = new Float64Array(length);
    this.needMatch = new Float64Array(length);
    this.lastContact = new Float64Array(length);
    this.industry = new Int32Array(length);
    this.demand = new Int32Array(length);
    this.grade = new Int32Array(length);
    this.priority = new Int32Array(length);
  }
}

// The class's shape outlives a run (see shapes.ts).
keepShape(new ScoredColumns(0));
