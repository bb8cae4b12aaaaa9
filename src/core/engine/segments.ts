import type { EightSegmentId, TenSegmentId } from "./types";

/**
 * The Chinese eight-class RFM model: each of R, F, M is 高 when its score is above the
 * population's mean score, 低 otherwise. Indexed by (R高·4 + F高·2 + M高).
 */
const EIGHT: readonly EightSegmentId[] = [
  "generalRetain", // 低低低
  "importantRetain", // 低低高
  "generalKeep", // 低高低
  "importantKeep", // 低高高
  "generalDevelop", // 高低低
  "importantDevelop", // 高低高
  "generalValue", // 高高低
  "importantValue", // 高高高
];

export function eightSegment(r: number, f: number, m: number, meanR: number, meanF: number, meanM: number): EightSegmentId {
  return EIGHT[(r > meanR ? 4 : 0) + (f > meanF ? 2 : 0) + (m > meanM ? 1 : 0)];
}

/**
 * The ten-segment R×F map: the `seg_map` grid widely reproduced in RFM segmentation tutorials
 * (e.g. Miuul's "CRM Analytics: RFM" course and the Kaggle notebooks derived from it), chosen
 * because it is a partition; the looser lists circulating (Champions R4-5 F4-5, Loyal R2-5 F3-5…)
 * overlap. Keys are R then F:
 *   R1-2 F1-2 Hibernating · R1-2 F3-4 At Risk · R1-2 F5 Can't Lose Them · R3 F1-2 About to Sleep ·
 *   R3 F3 Need Attention · R3-4 F4-5 Loyal · R4 F1 Promising · R5 F1 New ·
 *   R4-5 F2-3 Potential Loyalists · R5 F4-5 Champions.
 * Each of the 25 (R, F) pairs maps to exactly one segment (rows R1..R5, columns F1..F5).
 */
const TEN: readonly (readonly TenSegmentId[])[] = [
  ["hibernating", "hibernating", "atRisk", "atRisk", "cantLoseThem"],
  ["hibernating", "hibernating", "atRisk", "atRisk", "cantLoseThem"],
  ["aboutToSleep", "aboutToSleep", "needAttention", "loyal", "loyal"],
  ["promising", "potentialLoyalists", "potentialLoyalists", "loyal", "loyal"],
  ["newCustomers", "potentialLoyalists", "potentialLoyalists", "champions", "champions"],
];

export function tenSegment(r: number, f: number): TenSegmentId {
  return TEN[r - 1][f - 1];
}

export const EIGHT_SEGMENTS: readonly EightSegmentId[] = [
  "importantValue",
  "importantDevelop",
  "importantKeep",
  "importantRetain",
  "generalValue",
  "generalDevelop",
  "generalKeep",
  "generalRetain",
];

export const TEN_SEGMENTS: readonly TenSegmentId[] = [
  "champions",
  "loyal",
  "potentialLoyalists",
  "newCustomers",
  "promising",
  "needAttention",
  "aboutToSleep",
  "atRisk",
  "cantLoseThem",
  "hibernating",
];
