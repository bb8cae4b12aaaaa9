import type { BehaviourRecord, CustomerRecord, InteractionRecord } from "../mapping/records";
import type { Settings } from "../settings/types";
import { analyseBehaviour, type BehaviourAnalysis } from "./behaviour";
import { FLAG, FOLLOW_UP, ScoredColumns, segmentSlot, tierSlot } from "./columns";
import { buildConclusions } from "./conclusions";
import { customerTypeOf } from "./core";
import { CustomerIndex } from "./customer-index";
import { GAP, GapLists, keyFieldGaps, zeroedGaps } from "./datastatus";
import { followUpInto, type FollowUp } from "./followup";
import { scorePopulation, type Population } from "./population";
import { prospectScore } from "./prospect";
import { IssueLists, Reasons, TraitLists, type IssueInput, type ReasonInput, type TraitInput } from "./reasons";
import type { CustomerResult, ScoreResult } from "./result";
import { eightSegment, tenSegment } from "./segments";
import { buildSummary } from "./summary";
import { tierFor } from "./tier";
import type { ScoreKind, SegmentId } from "./types";

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
 *
 * Built for 100,000 customers: per-customer working data lives in typed arrays indexed by
 * customer, population or group, the only objects made per customer are the ones returned, and
 * each 100,000-row loop is a function of its own (see analyseBehaviour on why).
 */
export function scoreWorkbook(input: ScoreInput, settings: Settings, refDate: number): ScoreResult {
  const ref = Math.floor(refDate);
  const { customers, interactions } = input;
  const behaviour = input.behaviour ?? [];
  // One index of customer ids (first row per id) serves every lookup below.
  const index = new CustomerIndex(customers);
  const analysis = analyseBehaviour(behaviour, index);
  const contacts = matchInteractions(interactions, index);
  const population = scorePopulation(customers, behaviour, analysis, index.first, ref, settings);
  const { results, columns } = scoreCustomers({ customers, behaviour, analysis, index, latestInteraction: contacts.latest, population, settings, ref });
  const report = behaviourIdReport(behaviour, analysis);
  const summary = buildSummary(
    { columns, results, customers, behaviour, behaviourKnown: report.known, interactions, interactionCustomer: contacts.customer, firstIdx: whoOf(index.first), segmentModel: settings.segmentModel },
    ref,
  );
  return {
    customers: results,
    behaviourRows: analysis.rows,
    summary,
    conclusions: buildConclusions(summary, columns),
    unknownBehaviourIds: report.unknownIds,
    behaviourRowsWithoutId: report.withoutId,
    refDate: ref,
  };
}

/** Each customer row's first same-id row, itself when the id is blank (the contact trend's "who"). */
function whoOf(first: Int32Array): Int32Array {
  const who = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) who[i] = first[i] < 0 ? i : first[i];
  return who;
}

/** Interactions resolved to a customer once (−1: no such customer), and each customer's latest. */
function matchInteractions(interactions: InteractionRecord[], index: CustomerIndex): { customer: Int32Array; latest: Float64Array } {
  const customer = new Int32Array(interactions.length);
  const latest = new Float64Array(index.first.length).fill(NaN);
  for (let j = 0; j < interactions.length; j++) {
    const it = interactions[j];
    const f = index.find(it.customerId);
    customer[j] = f;
    if (it.date !== null && f >= 0 && !(it.date <= latest[f])) latest[f] = it.date;
  }
  return { customer, latest };
}

interface ScoreContext {
  customers: CustomerRecord[];
  behaviour: BehaviourRecord[];
  analysis: BehaviourAnalysis;
  index: CustomerIndex;
  /** each customer's latest Interactions date (NaN: none) */
  latestInteraction: Float64Array;
  population: Population;
  settings: Settings;
  ref: number;
}

/** Every customer's result, and the columns the summary and conclusions count. */
function scoreCustomers(x: ScoreContext): { results: CustomerResult[]; columns: ScoredColumns } {
  const { customers, behaviour, analysis, index, latestInteraction, settings, ref } = x;
  const { group, tenure, popIndex, values, pPurchases, pAvgOrder, core, rfmIndex, recency, rfm, meanRfm } = x.population;
  const meanR = meanRfm[0];
  const meanF = meanRfm[1];
  const meanM = meanRfm[2];
  const n = customers.length;
  const idFirst = index.first;
  // One input object each for the reason, trait and issue rules, refilled per customer.
  const fu: FollowUp = { lastContact: null, next: null, status: null, daysOverdue: 0, priorityAssumed: false };
  const why: ReasonInput = { kind: "none", tier: "", score: null, pAmount: 0, pActivity: 0, pTenure: 0, churnRisk: null, declineRate: null, complaints: null, needMatch: null, likelihood: null };
  const traitIn: TraitInput = { hasBehaviour: false, pAmount: 0, pActivity: 0, pPurchases: 0, pAvgOrder: null, pTenure: 0, tenureMonths: null, category: "", needMatch: null, likelihood: null };
  const issueIn: IssueInput = { hasBehaviour: false, complaints: null, declineRate: null, pActivity: 0, daysOverdue: 0, recencyDays: null, likelihood: null };
  const gapLists = new GapLists();
  const traitLists = new TraitLists();
  const issueLists = new IssueLists();
  const reasons = new Reasons(settings);
  const cols = new ScoredColumns(n);
  const segmentModel = settings.segmentModel;

  const results: CustomerResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    const g = group[i];
    const p = popIndex[i];
    const q = rfmIndex[i];
    const has = g >= 0;
    let period: string | null = null;
    let bPurchases: number | null = null;
    let bAmount: number | null = null;
    let complaints: number | null = null;
    let bActivity: number | null = null;
    let declineRate: number | null = null;
    let churnRisk: number | null = null;
    let avgOrder: number | null = null;
    let category = "";
    let gaps = 0;
    if (has) {
      const li = analysis.latest[g];
      const rec = behaviour[li];
      const row = analysis.rows[li];
      period = rec.period;
      bPurchases = rec.purchases;
      bAmount = rec.amount;
      complaints = rec.complaints;
      bActivity = row.activity;
      declineRate = row.declineRate;
      churnRisk = row.churnRisk;
      avgOrder = row.avgOrder;
      category = rec.category;
      const lp = analysis.lastPurchase[g];
      gaps = zeroedGaps(rec.amount, rec.purchases, rec.siteVisits, rec.events, c.startDate, q >= 0, lp !== lp ? null : lp);
    }
    const tenureMonths = tenure[i] < 0 ? null : tenure[i];
    const prospect = prospectScore(c.needMatch, c.likelihood);
    const valueScore = has ? values.score[p] : null;
    const kind: ScoreKind = has ? "value" : prospect !== null ? "prospect" : "none";
    const score = has ? valueScore : prospect;
    const tier = tierFor(kind, score, churnRisk, settings);
    const pA = has ? values.pAmount[p] : 0;
    const pAct = has ? values.pActivity[p] : 0;
    const pT = has ? values.pTenure[p] : 0;

    const first = idFirst[i];
    const li = first < 0 ? NaN : latestInteraction[first];
    followUpInto(fu, c.lastContact, li !== li ? null : li, c.priority, ref, settings);
    let r: number | null = null;
    let f: number | null = null;
    let m: number | null = null;
    let segment: SegmentId | null = null;
    if (q >= 0) {
      r = rfm.r[q];
      f = rfm.f[q];
      m = rfm.m[q];
      segment = segmentModel === "ten" ? tenSegment(r, f) : eightSegment(r, f, m, meanR, meanF, meanM);
    }
    const recencyDays = recency[i] === recency[i] ? recency[i] : null;

    gaps |= keyFieldGaps(c, fu.priorityAssumed);
    if (index.shared[i] === 1) gaps |= GAP.duplicateId;
    if (c.startDate !== null && Math.floor(c.startDate) > ref) gaps |= GAP.futureStart;

    why.kind = kind;
    why.tier = tier;
    why.score = score;
    why.pAmount = pA;
    why.pActivity = pAct;
    why.pTenure = pT;
    why.churnRisk = churnRisk;
    why.declineRate = declineRate;
    why.complaints = complaints;
    why.needMatch = c.needMatch;
    why.likelihood = c.likelihood;

    traitIn.hasBehaviour = has;
    traitIn.pAmount = pA;
    traitIn.pActivity = pAct;
    traitIn.pPurchases = has ? pPurchases[p] : 0;
    const ao = has ? pAvgOrder[p] : NaN;
    traitIn.pAvgOrder = ao === ao ? ao : null;
    traitIn.pTenure = pT;
    traitIn.tenureMonths = tenureMonths;
    traitIn.category = category;
    traitIn.needMatch = c.needMatch;
    traitIn.likelihood = c.likelihood;

    issueIn.hasBehaviour = has;
    issueIn.complaints = complaints;
    issueIn.declineRate = declineRate;
    issueIn.pActivity = pAct;
    issueIn.daysOverdue = fu.daysOverdue;
    issueIn.recencyDays = recencyDays;
    issueIn.likelihood = c.likelihood;

    const categoryCode = has ? cols.categories.id(category) : -1;
    cols.category[i] = categoryCode;
    cols.tier[i] = tierSlot(tier);
    cols.amount[i] = bAmount ?? 0;
    cols.flags[i] =
      (has && core[p] === 1 ? FLAG.core : 0) |
      (tenureMonths === null ? 0 : tenureMonths < settings.newCustomerMonths ? FLAG.isNew : FLAG.existing) |
      (has ? FLAG.hasBehaviour : 0) |
      (kind === "prospect" ? FLAG.prospect : 0) |
      (gaps !== 0 ? FLAG.incomplete : 0) |
      ((complaints ?? 0) > 0 ? FLAG.complaint : 0);
    cols.followUp[i] = fu.status === null ? FOLLOW_UP.none : fu.status === "overdue" ? FOLLOW_UP.overdue : fu.status === "dueSoon" ? FOLLOW_UP.dueSoon : FOLLOW_UP.ok;
    cols.segment[i] = segment === null ? -1 : segmentSlot(segment);
    cols.score[i] = score ?? NaN;
    cols.declineRate[i] = declineRate ?? NaN;
    cols.likelihood[i] = c.likelihood ?? NaN;
    cols.needMatch[i] = c.needMatch ?? NaN;
    cols.lastContact[i] = c.lastContact ?? NaN;
    cols.industry[i] = cols.industries.id(c.industry);
    cols.demand[i] = cols.demands.id(c.demandType);
    cols.grade[i] = cols.grades.id(c.grade);
    cols.priority[i] = cols.priorities.id(c.priority);

    results[i] = {
      row: c.row,
      id: c.id,
      name: c.name,
      hasBehaviour: has,
      period,
      purchases: bPurchases,
      amount: bAmount,
      complaints,
      activity: bActivity,
      declineRate,
      churnRisk,
      avgOrder,
      tenureMonths,
      valueScore,
      prospectScore: prospect,
      score,
      scoreKind: kind,
      tier,
      pAmount: has ? pA : null,
      pActivity: has ? pAct : null,
      pTenure: has ? pT : null,
      core: has && core[p] === 1,
      customerType: customerTypeOf(tenureMonths, settings.newCustomerMonths),
      recencyDays,
      r,
      f,
      m,
      segment,
      lastContact: fu.lastContact,
      nextFollowUp: fu.next,
      followUpStatus: fu.status,
      daysOverdue: fu.daysOverdue,
      missing: gapLists.missingOf(gaps),
      gaps: gapLists.gapsOf(gaps),
      reason: reasons.of(why),
      traits: traitLists.of(traitIn, categoryCode),
      issues: issueLists.of(issueIn),
    };
  }

  return { results, columns: cols };
}

/**
 * Behaviour rows no customer has, reported not scored (a typo in 客户编号 is the usual cause): the
 * distinct ids by first row, the rows with a blank id, and which rows belong to a customer.
 */
function behaviourIdReport(behaviour: BehaviourRecord[], analysis: BehaviourAnalysis): { unknownIds: string[]; withoutId: number[]; known: Uint8Array } {
  const unknown: { row: number; id: string }[] = [];
  const groupCustomer = analysis.groupCustomer;
  const unknownAt = new Int32Array(groupCustomer.length).fill(-1);
  const withoutId: number[] = [];
  const behaviourKnown = new Uint8Array(behaviour.length);
  for (let i = 0; i < behaviour.length; i++) {
    const g = analysis.groupOf[i];
    const row = behaviour[i].row;
    if (g < 0) withoutId.push(row);
    else if (groupCustomer[g] >= 0) behaviourKnown[i] = 1;
    else {
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

  return { unknownIds: unknown.map((u) => u.id), withoutId, known: behaviourKnown };
}
