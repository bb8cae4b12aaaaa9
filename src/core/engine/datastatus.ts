import type { CustomerRecord } from "../mapping/records";
import { keepShape } from "./shapes";
import type { DataGap } from "./types";

/**
 * Every gap the data status can name, in the order it names them: key fields of SPEC §3 (手机 or
 * 邮箱: one suffices), figures counted as 0, then the notes. A customer's gaps are a set of these,
 * held as a bit mask; the lists themselves are built once per distinct mask and shared (frozen),
 * because 100,000 customers have only a handful of distinct gap sets between them.
 */
const GAP_LIST: DataGap[] = [
  { field: "name", kind: "missing" },
  { field: "industry", kind: "missing" },
  { field: "contact", kind: "missing" },
  { field: "title", kind: "missing" },
  { field: "mobileOrEmail", kind: "missing" },
  { field: "lastContact", kind: "missing" },
  { field: "grade", kind: "missing" },
  // A blank or unknown priority was scheduled as 中: say so, rather than only "missing".
  { field: "priority", kind: "missing" },
  { field: "priority", kind: "assumedMedium" },
  { field: "amount", kind: "countedAsZero" },
  { field: "purchases", kind: "countedAsZero" },
  { field: "siteVisits", kind: "countedAsZero" },
  { field: "events", kind: "countedAsZero" },
  { field: "startDate", kind: "countedAsZero" },
  { field: "lastPurchase", kind: "missing" },
  { field: "id", kind: "duplicateId" },
  { field: "startDate", kind: "futureStart" },
];
const ALL_GAPS: readonly DataGap[] = GAP_LIST.map((g) => Object.freeze(g));

/** Bit of each gap in a mask (bit i = ALL_GAPS[i]). */
export const GAP = {
  name: 1 << 0,
  industry: 1 << 1,
  contact: 1 << 2,
  title: 1 << 3,
  mobileOrEmail: 1 << 4,
  lastContact: 1 << 5,
  grade: 1 << 6,
  priorityMissing: 1 << 7,
  priorityAssumed: 1 << 8,
  amountZero: 1 << 9,
  purchasesZero: 1 << 10,
  siteVisitsZero: 1 << 11,
  eventsZero: 1 << 12,
  startDateZero: 1 << 13,
  lastPurchaseMissing: 1 << 14,
  duplicateId: 1 << 15,
  futureStart: 1 << 16,
} as const;

/** Key fields of SPEC §3 that are blank, as a gap mask. */
export function keyFieldGaps(c: CustomerRecord, priorityAssumed: boolean): number {
  let m = 0;
  if (c.name === "") m |= GAP.name;
  if (c.industry === "") m |= GAP.industry;
  if (c.contact === "") m |= GAP.contact;
  if (c.title === "") m |= GAP.title;
  if (c.mobile === "" && c.email === "") m |= GAP.mobileOrEmail;
  if (c.lastContact === null) m |= GAP.lastContact;
  if (c.grade === "") m |= GAP.grade;
  if (priorityAssumed) m |= c.priority === "" ? GAP.priorityMissing : GAP.priorityAssumed;
  return m;
}

/**
 * Figures that entered the percentiles as 0 because they were blank (SPEC: named, not hidden), as a
 * gap mask. Taken as arguments, not an object, since it runs once per customer with Behaviour.
 */
export function zeroedGaps(
  amount: number | null,
  purchases: number | null,
  siteVisits: number | null,
  events: number | null,
  startDate: number | null,
  hasPurchaseData: boolean,
  lastPurchase: number | null,
): number {
  let m = 0;
  if (amount === null) m |= GAP.amountZero;
  if (purchases === null) m |= GAP.purchasesZero;
  if (siteVisits === null) m |= GAP.siteVisitsZero;
  if (events === null) m |= GAP.eventsZero;
  if (startDate === null) m |= GAP.startDateZero;
  if (hasPurchaseData && lastPurchase === null) m |= GAP.lastPurchaseMissing;
  return m;
}

/** The column ids a filter or the pane can use: every gap's field, once, in order. */
export function missingFields(gaps: readonly DataGap[]): string[] {
  const out: string[] = [];
  for (const g of gaps) if (g.kind !== "duplicateId" && g.kind !== "futureStart" && !out.includes(g.field)) out.push(g.field);
  return out;
}

const EMPTY_GAPS: DataGap[] = Object.freeze([]) as readonly DataGap[] as DataGap[];
const EMPTY_FIELDS: string[] = Object.freeze([]) as readonly string[] as string[];

/**
 * Gap lists by mask for one scoring run. The arrays are shared by every customer with the same
 * gaps and frozen, so a consumer that tried to edit one would fail loudly instead of changing
 * its neighbours' data status.
 */
export class GapLists {
  private readonly gaps = new Map<number, DataGap[]>();
  private readonly fields = new Map<number, string[]>();

  gapsOf(mask: number): DataGap[] {
    if (mask === 0) return EMPTY_GAPS;
    let list = this.gaps.get(mask);
    if (list === undefined) {
      const built: DataGap[] = [];
      for (let b = 0; b < ALL_GAPS.length; b++) if (mask & (1 << b)) built.push(ALL_GAPS[b]);
      list = Object.freeze(built) as readonly DataGap[] as DataGap[];
      this.gaps.set(mask, list);
    }
    return list;
  }

  missingOf(mask: number): string[] {
    const m = mask & ~(GAP.duplicateId | GAP.futureStart);
    if (m === 0) return EMPTY_FIELDS;
    let list = this.fields.get(m);
    if (list === undefined) {
      list = Object.freeze(missingFields(this.gapsOf(m))) as readonly string[] as string[];
      this.fields.set(m, list);
    }
    return list;
  }
}

// The class's shape outlives a run (see shapes.ts).
keepShape(new GapLists());
