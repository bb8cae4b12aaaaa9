import type { InteractionRecord } from "../mapping/records";
import type { ScoredColumns } from "./columns";
import { monthIndex, monthIndexKey, ymdToSerial } from "./dates";
import { keepShape } from "./shapes";
import { countCodes, matrix, rankCodes } from "./tally";
import type { CountMatrix, SummaryInput } from "./summary";

/** How many months the trend covers, ending with the reference date's month. */
export const TREND_MONTHS = 12;
export const TOP_DEMAND_TYPES_TREND = 5;

/** Counted contacts: per month, and (demand code, month) of those with a demand type. */
interface Contacts {
  perMonth: Int32Array;
  pairDemand: Int32Array;
  pairMonth: Int32Array;
  pairs: number;
}

/** Day offset of a date from firstDay, −1 outside the window (or blank). */
function dayIn(date: number, refDate: number, firstDay: number): number {
  const day = Math.floor(date);
  return day > refDate || day < firstDay || day !== day ? -1 : day - firstDay;
}

// countContacts in single-loop functions: it runs once per scoring run, and a function of several
// 100,000-row loops is optimised loop by loop (OSR) and thrown back at each later loop (see
// analyseBehaviour), while each of these keeps its optimised code from run to run. They take
// what they read as arguments, not the SummaryInput: optimised code that has read a property of
// an object made once per run is discarded with that object's hidden class (see shapes.ts).

/** Each Interactions row's day offset (−1 outside the window), counting matched rows into `start`; returns the unmatched count. */
function interactionDays(interactions: InteractionRecord[], interactionCustomer: Int32Array, refDate: number, firstDay: number, day: Int32Array, start: Int32Array): number {
  let unmatched = 0;
  for (let j = 0; j < interactions.length; j++) {
    const date = interactions[j].date;
    const d = date === null ? -1 : dayIn(date, refDate, firstDay);
    day[j] = d;
    if (d < 0) continue;
    const ci = interactionCustomer[j];
    if (ci >= 0) start[ci + 1]++;
    else unmatched++;
  }
  return unmatched;
}

/** Each customer's 最近沟通时间 as a day offset (−1 outside the window), counted into `start` by who. */
function customerDays(c: ScoredColumns, firstIdx: Int32Array, refDate: number, firstDay: number, day: Int32Array, start: Int32Array): void {
  for (let i = 0; i < c.length; i++) {
    const d = dayIn(c.lastContact[i], refDate, firstDay);
    day[i] = d;
    if (d >= 0) start[firstIdx[i] + 1]++;
  }
}

/** Counts to CSR offsets, in place. */
function cumulate(start: Int32Array): void {
  for (let w = 1; w < start.length; w++) start[w] += start[w - 1];
}

/**
 * Contacts grouped by customer (CSR), plus the (demand, month) pairs found so far. A class kept
 * alive, not a literal, for the same reason the loops take arguments (see shapes.ts).
 */
class Events {
  readonly day: Int32Array;
  readonly demand: Int32Array;
  readonly perMonth = new Int32Array(TREND_MONTHS);
  readonly pairDemand: Int32Array;
  readonly pairMonth: Int32Array;

  constructor(events: number, pairs: number) {
    this.day = new Int32Array(events);
    this.demand = new Int32Array(events);
    this.pairDemand = new Int32Array(pairs);
    this.pairMonth = new Int32Array(pairs);
  }
}

keepShape(new Events(0, 0));

/**
 * Interactions rows in the window: a matched row's day and demand into its customer's events, an
 * unmatched row counted at once (a contact of its own). Returns the pairs recorded.
 */
function placeInteractions(c: ScoredColumns, interactions: InteractionRecord[], interactionCustomer: Int32Array, day: Int32Array, monthOfDay: Int32Array, blank: number, fill: Int32Array, ev: Events): number {
  const demands = c.demands;
  let pairs = 0;
  for (let j = 0; j < interactions.length; j++) {
    const d = day[j];
    if (d < 0) continue;
    const text = interactions[j].demandType;
    const ci = interactionCustomer[j];
    const demand = text !== "" ? demands.id(text) : ci < 0 ? blank : c.demand[ci];
    if (ci >= 0) {
      const at = fill[ci]++;
      ev.day[at] = d;
      ev.demand[at] = demand;
      continue;
    }
    const m = monthOfDay[d];
    ev.perMonth[m]++;
    if (demand !== blank) {
      ev.pairDemand[pairs] = demand;
      ev.pairMonth[pairs++] = m;
    }
  }
  return pairs;
}

/** Each customer's 最近沟通时间 in the window into its (first same-id) customer's events. */
function placeCustomers(c: ScoredColumns, firstIdx: Int32Array, day: Int32Array, fill: Int32Array, ev: Events): void {
  for (let i = 0; i < c.length; i++) {
    const d = day[i];
    if (d < 0) continue;
    const at = fill[firstIdx[i]]++;
    ev.day[at] = d;
    ev.demand[at] = c.demand[i];
  }
}

/** One contact per customer and day: a day already stamped with this customer's mark was counted. Returns the pairs recorded. */
function countDays(start: Int32Array, span: number, monthOfDay: Int32Array, blank: number, ev: Events, pairsBefore: number): number {
  const stamp = new Int32Array(span);
  let pairs = pairsBefore;
  for (let w = 0; w + 1 < start.length; w++) {
    for (let at = start[w]; at < start[w + 1]; at++) {
      const d = ev.day[at];
      if (stamp[d] === w + 1) continue;
      stamp[d] = w + 1;
      const m = monthOfDay[d];
      ev.perMonth[m]++;
      if (ev.demand[at] !== blank) {
        ev.pairDemand[pairs] = ev.demand[at];
        ev.pairMonth[pairs++] = m;
      }
    }
  }
  return pairs;
}

/**
 * One contact per customer and day, from Interactions and 最近沟通时间 alike, so a contact logged
 * in both places is counted once (the first one seen, Interactions first, names its demand type).
 * An Interactions row with no customer on the list is a contact of its own. Contacts of customers
 * on the list are grouped by customer (CSR, in the order seen) to find repeats of a day without a
 * set of (customer, day) pairs.
 */
function countContacts(x: SummaryInput, refDate: number, firstDay: number, monthOfDay: Int32Array, blank: number): Contacts {
  const { columns: c, interactions, interactionCustomer, firstIdx } = x;
  const n = c.length;
  const interactionDay = new Int32Array(interactions.length);
  const customerDay = new Int32Array(n);
  const start = new Int32Array(n + 1);
  const unmatched = interactionDays(interactions, interactionCustomer, refDate, firstDay, interactionDay, start);
  customerDays(c, firstIdx, refDate, firstDay, customerDay, start);
  cumulate(start);
  const fill = start.slice(0, n);
  const ev = new Events(start[n], unmatched + start[n]);
  const placed = placeInteractions(c, interactions, interactionCustomer, interactionDay, monthOfDay, blank, fill, ev);
  placeCustomers(c, firstIdx, customerDay, fill, ev);
  const pairs = countDays(start, monthOfDay.length, monthOfDay, blank, ev, placed);
  return { perMonth: ev.perMonth, pairDemand: ev.pairDemand, pairMonth: ev.pairMonth, pairs };
}

/** Monthly contacts over TREND_MONTHS, and the top demand types' contacts by month. */
export function contactTrend(x: SummaryInput, refDate: number): { months: string[]; contacts: number[]; demandTrend: CountMatrix } {
  const lastMonth = monthIndex(refDate);
  const firstMonth = lastMonth - TREND_MONTHS + 1;
  const months: string[] = [];
  for (let mi = firstMonth; mi <= lastMonth; mi++) months.push(monthIndexKey(mi));
  const firstDay = ymdToSerial(Math.floor(firstMonth / 12), (firstMonth % 12) + 1, 1);
  const monthOfDay = new Int32Array(Math.max(0, Math.floor(refDate) - firstDay + 1));
  for (let d = 0; d < monthOfDay.length; d++) monthOfDay[d] = monthIndex(firstDay + d) - firstMonth;
  const demands = x.columns.demands;
  const blank = demands.id("");
  const counted = countContacts(x, refDate, firstDay, monthOfDay, blank);
  const topTrend = rankCodes(countCodes(counted.pairDemand.subarray(0, counted.pairs), demands.values.length), demands.values)
    .slice(0, TOP_DEMAND_TYPES_TREND)
    .map((d) => d.key);
  // Month codes are month positions, and the months are their own values.
  const demandTrend = matrix(topTrend, months, counted.pairDemand, demands.values, counted.pairMonth, months, counted.pairs);
  return { months, contacts: Array.from(counted.perMonth), demandTrend };
}
