import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../mapping/records";
import type { Settings } from "../settings/types";
import { analyseBehaviour, type BehaviourCurrent } from "./behaviour";
import { buildConclusions } from "./conclusions";
import { coreFlags, customerTypeOf } from "./core";
import { keyFieldGaps, missingFields, zeroedGaps } from "./datastatus";
import { followUpOf } from "./followup";
import { idKey } from "./ids";
import { midRankPercentiles } from "./percentile";
import { prospectScore } from "./prospect";
import { issuesOf, reasonOf, traitsOf } from "./reasons";
import type { CustomerResult, ScoreResult } from "./result";
import { rfmScores } from "./rfm";
import { eightSegment, tenSegment } from "./segments";
import { buildSummary } from "./summary";
import { tenureMonths } from "./tenure";
import { tierFor } from "./tier";
import type { DataGap, ScoreKind, SegmentId } from "./types";
import { valueScores } from "./value";

export type { CustomerResult, ScoreResult } from "./result";

export interface ScoreInput {
  customers: CustomerRecord[];
  /** null = the workbook has no Behaviour sheet: every customer is scored as a prospect */
  behaviour: BehaviourRecord[] | null;
  interactions: InteractionRecord[];
}

/**
 * Score and tier (SPEC §3): the one entry point. Pure: the same input gives the same result,
 * and every per-customer figure depends only on the set of rows, not their order.
 *
 * Customers are matched to Behaviour by idKey(客户编号); a blank id has no Behaviour. Two
 * customers with the same id both get that id's Behaviour and both count in the population;
 * each is flagged 客户编号重复 in its data status so Clean can merge them.
 */
export function scoreWorkbook(input: ScoreInput, settings: Settings, refDate: number): ScoreResult {
  const ref = Math.floor(refDate);
  const { customers, interactions } = input;
  const behaviour = input.behaviour ?? [];
  const analysis = analyseBehaviour(behaviour);
  const n = customers.length;

  // One index of customer ids (first row per id) serves every lookup below.
  const keys: string[] = new Array(n);
  const firstOf = new Map<string, number>();
  const sameId = new Int32Array(n);
  // Each customer row's first same-id row (itself when the id is blank or unique).
  const firstIdx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = idKey(customers[i].id);
    keys[i] = k;
    firstIdx[i] = i;
    if (k === "") continue;
    const f = firstOf.get(k);
    if (f === undefined) firstOf.set(k, i);
    else firstIdx[i] = f;
    sameId[f ?? i]++;
  }

  // Interactions and Behaviour rows resolved to a customer index once (−1: no such customer).
  const interactionCustomer = new Int32Array(interactions.length);
  const latestInteraction = new Float64Array(n).fill(NaN);
  for (let j = 0; j < interactions.length; j++) {
    const it = interactions[j];
    const k = idKey(it.customerId);
    const f = k === "" ? undefined : firstOf.get(k);
    interactionCustomer[j] = f ?? -1;
    if (it.date !== null && f !== undefined && !(it.date <= latestInteraction[f])) latestInteraction[f] = it.date;
  }
  const groupCustomer = new Int32Array(analysis.groupKeys.length);
  const groupOfFirst = new Int32Array(n).fill(-1);
  for (let g = 0; g < analysis.groupKeys.length; g++) {
    const f = firstOf.get(analysis.groupKeys[g]);
    groupCustomer[g] = f ?? -1;
    if (f !== undefined) groupOfFirst[f] = g;
  }

  // Population of customers with Behaviour: parallel typed arrays, blanks as 0 (SPEC §3).
  const current: (BehaviourCurrent | undefined)[] = new Array(n);
  const tenure: (number | null)[] = new Array(n);
  const popIndex = new Int32Array(n).fill(-1);
  let pop = 0;
  for (let i = 0; i < n; i++) {
    const g = keys[i] === "" ? -1 : groupOfFirst[firstIdx[i]];
    const cur = g < 0 ? undefined : analysis.current[g];
    current[i] = cur;
    tenure[i] = tenureMonths(customers[i].startDate, ref);
    if (cur) popIndex[i] = pop++;
  }
  const amount = new Float64Array(pop);
  const activity = new Float64Array(pop);
  const tenureArr = new Float64Array(pop);
  const purchases = new Float64Array(pop);
  const avgOrderVals: number[] = [];
  const avgOrderOwner = new Int32Array(pop).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = popIndex[i];
    if (p < 0) continue;
    const cur = current[i] as BehaviourCurrent;
    amount[p] = cur.amount ?? 0;
    activity[p] = cur.activity ?? 0;
    tenureArr[p] = tenure[i] ?? 0;
    purchases[p] = cur.purchases ?? 0;
    if (cur.avgOrder !== null) {
      avgOrderOwner[p] = avgOrderVals.length;
      avgOrderVals.push(cur.avgOrder);
    }
  }
  const values = valueScores(amount, activity, tenureArr, settings.weights);
  const pPurchases = midRankPercentiles(purchases);
  const pAvgOrder = midRankPercentiles(avgOrderVals);
  const core = coreFlags(amount, settings.coreShare);

  // RFM population: customers with Behaviour and any purchase figure.
  const rfmIndex = new Int32Array(n).fill(-1);
  const recency: (number | null)[] = new Array(n).fill(null);
  let rfmN = 0;
  for (let i = 0; i < n; i++) {
    const cur = current[i];
    if (!cur || (cur.purchases === null && cur.amount === null && cur.lastPurchase === null)) continue;
    rfmIndex[i] = rfmN++;
    if (cur.lastPurchase !== null) recency[i] = Math.max(0, ref - Math.floor(cur.lastPurchase));
  }
  const rDays = new Float64Array(rfmN);
  const fVals = new Float64Array(rfmN);
  const mVals = new Float64Array(rfmN);
  for (let i = 0; i < n; i++) {
    const q = rfmIndex[i];
    if (q < 0) continue;
    const cur = current[i] as BehaviourCurrent;
    rDays[q] = recency[i] ?? Infinity;
    fVals[q] = cur.purchases ?? 0;
    mVals[q] = cur.amount ?? 0;
  }
  const rfm = rfmScores(rDays, fVals, mVals, settings);
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

  const results: CustomerResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    const cur = current[i];
    const p = popIndex[i];
    const q = rfmIndex[i];
    const has = cur !== undefined;
    const prospect = prospectScore(c.needMatch, c.likelihood);
    const valueScore = has ? values.score[p] : null;
    const kind: ScoreKind = has ? "value" : prospect !== null ? "prospect" : "none";
    const score = has ? valueScore : prospect;
    const churnRisk = cur ? cur.churnRisk : null;
    const tier = tierFor(kind, score, churnRisk, settings);
    const pA = has ? values.pAmount[p] : 0;
    const pAct = has ? values.pActivity[p] : 0;
    const pT = has ? values.pTenure[p] : 0;

    const first = keys[i] === "" ? -1 : firstIdx[i];
    const li = first < 0 ? NaN : latestInteraction[first];
    const fu = followUpOf(c.lastContact, li !== li ? null : li, c.priority, ref, settings);
    let r: number | null = null;
    let f: number | null = null;
    let m: number | null = null;
    let segment: SegmentId | null = null;
    if (q >= 0) {
      r = rfm.r[q];
      f = rfm.f[q];
      m = rfm.m[q];
      segment = settings.segmentModel === "ten" ? tenSegment(r, f) : eightSegment(r, f, m, meanR, meanF, meanM);
    }

    const gaps: DataGap[] = keyFieldGaps(c, fu.priorityAssumed);
    if (cur) {
      for (const g of zeroedGaps({ amount: cur.amount, purchases: cur.purchases, siteVisits: cur.siteVisits, events: cur.events, startDate: c.startDate, hasPurchaseData: q >= 0, lastPurchase: cur.lastPurchase })) gaps.push(g);
    }
    if (first >= 0 && sameId[first] > 1) gaps.push({ field: "id", kind: "duplicateId" });
    if (c.startDate !== null && Math.floor(c.startDate) > ref) gaps.push({ field: "startDate", kind: "futureStart" });

    const ao = has && avgOrderOwner[p] >= 0 ? pAvgOrder[avgOrderOwner[p]] : null;
    results[i] = {
      row: c.row,
      id: c.id,
      name: c.name,
      hasBehaviour: has,
      period: cur ? cur.period : null,
      purchases: cur ? cur.purchases : null,
      amount: cur ? cur.amount : null,
      complaints: cur ? cur.complaints : null,
      activity: cur ? cur.activity : null,
      declineRate: cur ? cur.declineRate : null,
      churnRisk,
      avgOrder: cur ? cur.avgOrder : null,
      tenureMonths: tenure[i],
      valueScore,
      prospectScore: prospect,
      score,
      scoreKind: kind,
      tier,
      pAmount: has ? pA : null,
      pActivity: has ? pAct : null,
      pTenure: has ? pT : null,
      core: has && core[p] === 1,
      customerType: customerTypeOf(tenure[i], settings.newCustomerMonths),
      recencyDays: recency[i],
      r,
      f,
      m,
      segment,
      lastContact: fu.lastContact,
      nextFollowUp: fu.next,
      followUpStatus: fu.status,
      daysOverdue: fu.daysOverdue,
      missing: missingFields(gaps),
      gaps,
      reason: reasonOf(
        { kind, tier, score, pAmount: pA, pActivity: pAct, pTenure: pT, churnRisk, declineRate: cur ? cur.declineRate : null, complaints: cur ? cur.complaints : null, needMatch: c.needMatch, likelihood: c.likelihood },
        settings,
      ),
      traits: traitsOf({
        hasBehaviour: has,
        pAmount: pA,
        pActivity: pAct,
        pPurchases: has ? pPurchases[p] : 0,
        pAvgOrder: ao,
        pTenure: pT,
        tenureMonths: tenure[i],
        category: cur ? cur.category : "",
        needMatch: c.needMatch,
        likelihood: c.likelihood,
      }),
      issues: issuesOf({
        hasBehaviour: has,
        complaints: cur ? cur.complaints : null,
        declineRate: cur ? cur.declineRate : null,
        pActivity: pAct,
        daysOverdue: fu.daysOverdue,
        recencyDays: recency[i],
        likelihood: c.likelihood,
      }),
    };
  }

  // Behaviour ids no customer has: reported, not scored (a typo in 客户编号 is the usual cause).
  const unknown: { row: number; id: string }[] = [];
  const unknownAt = new Int32Array(analysis.groupKeys.length).fill(-1);
  const withoutId: number[] = [];
  for (let i = 0; i < behaviour.length; i++) {
    const g = analysis.groupOf[i];
    const row = behaviour[i].row;
    if (g < 0) withoutId.push(row);
    else if (groupCustomer[g] < 0) {
      const at = unknownAt[g];
      if (at < 0) {
        unknownAt[g] = unknown.length;
        unknown.push({ row, id: behaviour[i].customerId.trim() });
      } else if (row < unknown[at].row) unknown[at] = { row, id: behaviour[i].customerId.trim() };
    }
  }
  // Reported in sheet order, whatever order the rows were handed over in.
  unknown.sort((a, b) => a.row - b.row);
  withoutId.sort((a, b) => a - b);

  const summary = buildSummary(
    { customers, results, behaviour, behaviourKnown: (i) => analysis.groupOf[i] >= 0 && groupCustomer[analysis.groupOf[i]] >= 0, interactions, interactionCustomer, firstIdx, segmentModel: settings.segmentModel },
    ref,
  );
  return {
    customers: results,
    behaviourRows: analysis.rows,
    summary,
    conclusions: buildConclusions(summary, customers, results, current),
    unknownBehaviourIds: unknown.map((u) => u.id),
    behaviourRowsWithoutId: withoutId,
    refDate: ref,
  };
}
