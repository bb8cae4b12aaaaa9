import type { BehaviourRecord, CustomerRecord } from "../mapping/records";
import type { Settings } from "../settings/types";
import type { BehaviourAnalysis } from "./behaviour";
import { coreFlags } from "./core";
import { serialToYmd } from "./dates";
import { midRankPercentiles } from "./percentile";
import { rfmScores, type RfmScores } from "./rfm";
import { monthsBetween } from "./tenure";
import { valueScores, type ValueScores } from "./value";

/**
 * The populations scores are relative to (SPEC §3), as typed arrays indexed by customer: the
 * value population (customers with Behaviour) with its percentiles, value scores and core flags,
 * and the RFM population (those with any purchase figure) with R, F, M.
 */
export interface Population {
  /** each customer's Behaviour group (−1: none) */
  group: Int32Array;
  /** whole months of tenure (−1: no start date) */
  tenure: Int32Array;
  /** place in the value population (−1: outside) */
  popIndex: Int32Array;
  size: number;
  /** by place in the value population */
  values: ValueScores;
  pPurchases: Float64Array;
  /** P(客单价) among the members that have one; NaN for those that do not */
  pAvgOrder: Float64Array;
  core: Uint8Array;
  /** place in the RFM population (−1: outside) */
  rfmIndex: Int32Array;
  /** days since the last purchase (NaN: unknown) */
  recency: Float64Array;
  /** by place in the RFM population */
  rfm: RfmScores;
  /**
   * the population's mean R, F and M scores, in that order. A typed array, not three number
   * fields: see shapes.ts on number fields in objects made once per run.
   */
  meanRfm: Float64Array;
}

export function scorePopulation(customers: CustomerRecord[], behaviour: BehaviourRecord[], analysis: BehaviourAnalysis, idFirst: Int32Array, ref: number, settings: Settings): Population {
  const n = customers.length;
  const groupOfFirst = new Int32Array(n).fill(-1);
  for (let g = 0; g < analysis.groupCustomer.length; g++) if (analysis.groupCustomer[g] >= 0) groupOfFirst[analysis.groupCustomer[g]] = g;

  // One pass over the customers fills both populations (in customer order); arrays are sized for
  // everyone and cut to the members after.
  const group = new Int32Array(n);
  const tenure = new Int32Array(n);
  const popIndex = new Int32Array(n).fill(-1);
  const rfmIndex = new Int32Array(n).fill(-1);
  const recency = new Float64Array(n).fill(NaN);
  // The value population's figures, blanks as 0 (SPEC §3).
  const amount = new Float64Array(n);
  const activity = new Float64Array(n);
  const tenureArr = new Float64Array(n);
  const purchases = new Float64Array(n);
  const avgOrderVals = new Float64Array(n);
  const avgOrderOwner = new Int32Array(n).fill(-1);
  // The RFM population's: days (+∞ when unknown: least recent), purchases and amount.
  const rDays = new Float64Array(n);
  const fVals = new Float64Array(n);
  const mVals = new Float64Array(n);
  const refYmd = serialToYmd(ref);
  let pop = 0;
  let rfmN = 0;
  let avgOrders = 0;
  let amountNaN = false;
  for (let i = 0; i < n; i++) {
    const g = idFirst[i] < 0 ? -1 : groupOfFirst[idFirst[i]];
    group[i] = g;
    const start = customers[i].startDate;
    const t = start === null ? -1 : monthsBetween(serialToYmd(start), refYmd);
    tenure[i] = t;
    if (g < 0) continue;
    const p = pop++;
    popIndex[i] = p;
    const li = analysis.latest[g];
    const rec = behaviour[li];
    const row = analysis.rows[li];
    const a = rec.amount ?? 0;
    amount[p] = a;
    if (a !== a) amountNaN = true;
    activity[p] = row.activity ?? 0;
    tenureArr[p] = t < 0 ? 0 : t;
    purchases[p] = rec.purchases ?? 0;
    if (row.avgOrder !== null) {
      avgOrderOwner[p] = avgOrders;
      avgOrderVals[avgOrders++] = row.avgOrder;
    }
    // RFM population: customers with Behaviour and any purchase figure.
    const lp = analysis.lastPurchase[g];
    if (rec.purchases === null && rec.amount === null && lp !== lp) continue;
    const q = rfmN++;
    rfmIndex[i] = q;
    if (lp === lp) recency[i] = Math.max(0, ref - Math.floor(lp));
    rDays[q] = recency[i] === recency[i] ? recency[i] : Infinity;
    fVals[q] = rec.purchases ?? 0;
    mVals[q] = rec.amount ?? 0;
  }

  const amountP = amount.subarray(0, pop);
  const values = valueScores(amountP, activity.subarray(0, pop), tenureArr.subarray(0, pop), settings.weights);
  const pPurchases = midRankPercentiles(purchases.subarray(0, pop));
  // 客单价 ranks among the members that have one.
  const pOwned = midRankPercentiles(avgOrderVals.subarray(0, avgOrders));
  const pAvgOrder = new Float64Array(pop).fill(NaN);
  for (let p = 0; p < pop; p++) if (avgOrderOwner[p] >= 0) pAvgOrder[p] = pOwned[avgOrderOwner[p]];
  const core = coreFlags(amountP, settings.coreShare, amountNaN ? undefined : values.amountOrder);

  // When every customer with Behaviour has a purchase figure, F and M rank the same figures over
  // the same population as P(purchases) and P(amount): reuse them.
  const rfm = rfmScores(rDays.subarray(0, rfmN), fVals.subarray(0, rfmN), mVals.subarray(0, rfmN), settings, rfmN === pop ? { pFrequency: pPurchases, pMonetary: values.pAmount } : undefined);
  let meanR = 0;
  let meanF = 0;
  let meanM = 0;
  for (let q = 0; q < rfmN; q++) {
    meanR += rfm.r[q];
    meanF += rfm.f[q];
    meanM += rfm.m[q];
  }
  if (rfmN > 0) {
    meanR /= rfmN;
    meanF /= rfmN;
    meanM /= rfmN;
  }
  return { group, tenure, popIndex, size: pop, values, pPurchases, pAvgOrder, core, rfmIndex, recency, rfm, meanRfm: Float64Array.of(meanR, meanF, meanM) };
}
