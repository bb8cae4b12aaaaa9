import { monthIndex, monthIndexKey, ymdToSerial } from "./dates";
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
  const demands = c.demands;
  const span = monthOfDay.length;
  // Day offsets from firstDay, −1 outside the window.
  const interactionDay = new Int32Array(interactions.length);
  const start = new Int32Array(n + 1);
  let unmatched = 0;
  for (let j = 0; j < interactions.length; j++) {
    const date = interactions[j].date;
    const day = date === null ? NaN : Math.floor(date);
    const d = day > refDate || day < firstDay || day !== day ? -1 : day - firstDay;
    interactionDay[j] = d;
    if (d < 0) continue;
    const ci = interactionCustomer[j];
    if (ci >= 0) start[ci + 1]++;
    else unmatched++;
  }
  const customerDay = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const day = Math.floor(c.lastContact[i]);
    const d = day > refDate || day < firstDay || day !== day ? -1 : day - firstDay;
    customerDay[i] = d;
    if (d >= 0) start[firstIdx[i] + 1]++;
  }
  for (let w = 0; w < n; w++) start[w + 1] += start[w];
  const fill = start.slice(0, n);
  const evDay = new Int32Array(start[n]);
  const evDemand = new Int32Array(start[n]);
  const perMonth = new Int32Array(TREND_MONTHS);
  const pairDemand = new Int32Array(unmatched + start[n]);
  const pairMonth = new Int32Array(unmatched + start[n]);
  let pairs = 0;
  for (let j = 0; j < interactions.length; j++) {
    const d = interactionDay[j];
    if (d < 0) continue;
    const text = interactions[j].demandType;
    const ci = interactionCustomer[j];
    const demand = text !== "" ? demands.id(text) : ci < 0 ? blank : c.demand[ci];
    if (ci >= 0) {
      const at = fill[ci]++;
      evDay[at] = d;
      evDemand[at] = demand;
      continue;
    }
    const m = monthOfDay[d];
    perMonth[m]++;
    if (demand !== blank) {
      pairDemand[pairs] = demand;
      pairMonth[pairs++] = m;
    }
  }
  for (let i = 0; i < n; i++) {
    const d = customerDay[i];
    if (d < 0) continue;
    const at = fill[firstIdx[i]]++;
    evDay[at] = d;
    evDemand[at] = c.demand[i];
  }
  // A day already stamped with this customer's mark was counted.
  const stamp = new Int32Array(span);
  for (let w = 0; w < n; w++) {
    for (let at = start[w]; at < start[w + 1]; at++) {
      const d = evDay[at];
      if (stamp[d] === w + 1) continue;
      stamp[d] = w + 1;
      const m = monthOfDay[d];
      perMonth[m]++;
      if (evDemand[at] !== blank) {
        pairDemand[pairs] = evDemand[at];
        pairMonth[pairs++] = m;
      }
    }
  }
  return { perMonth, pairDemand, pairMonth, pairs };
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
