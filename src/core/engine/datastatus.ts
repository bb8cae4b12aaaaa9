import type { CustomerRecord } from "../mapping/records";
import type { DataGap } from "./types";

/**
 * Key fields of SPEC §3, in the order the data status names them. 手机 or 邮箱: one suffices.
 */
export function keyFieldGaps(c: CustomerRecord, priorityAssumed: boolean): DataGap[] {
  const gaps: DataGap[] = [];
  if (c.name === "") gaps.push({ field: "name", kind: "missing" });
  if (c.industry === "") gaps.push({ field: "industry", kind: "missing" });
  if (c.contact === "") gaps.push({ field: "contact", kind: "missing" });
  if (c.title === "") gaps.push({ field: "title", kind: "missing" });
  if (c.mobile === "" && c.email === "") gaps.push({ field: "mobileOrEmail", kind: "missing" });
  if (c.lastContact === null) gaps.push({ field: "lastContact", kind: "missing" });
  if (c.grade === "") gaps.push({ field: "grade", kind: "missing" });
  // A blank or unknown priority was scheduled as 中: say so, rather than only "missing".
  if (priorityAssumed) gaps.push({ field: "priority", kind: c.priority === "" ? "missing" : "assumedMedium" });
  return gaps;
}

/** Figures that entered the percentiles as 0 because they were blank (SPEC: named, not hidden). */
export interface ScoredFigures {
  amount: number | null;
  purchases: number | null;
  siteVisits: number | null;
  events: number | null;
  startDate: number | null;
  hasPurchaseData: boolean;
  lastPurchase: number | null;
}

export function zeroedGaps(f: ScoredFigures): DataGap[] {
  const gaps: DataGap[] = [];
  if (f.amount === null) gaps.push({ field: "amount", kind: "countedAsZero" });
  if (f.purchases === null) gaps.push({ field: "purchases", kind: "countedAsZero" });
  if (f.siteVisits === null) gaps.push({ field: "siteVisits", kind: "countedAsZero" });
  if (f.events === null) gaps.push({ field: "events", kind: "countedAsZero" });
  if (f.startDate === null) gaps.push({ field: "startDate", kind: "countedAsZero" });
  if (f.hasPurchaseData && f.lastPurchase === null) gaps.push({ field: "lastPurchase", kind: "missing" });
  return gaps;
}

/** The column ids a filter or the pane can use: every gap's field, once, in order. */
export function missingFields(gaps: readonly DataGap[]): string[] {
  const out: string[] = [];
  for (const g of gaps) if (g.kind !== "duplicateId" && g.kind !== "futureStart" && !out.includes(g.field)) out.push(g.field);
  return out;
}
