/**
 * Adopt my list, step 1 (SPEC §4): propose how a person's list maps onto the Customers columns.
 *
 * 1. The header row is the row among the first ten of the used range that reads most like
 *    headers (layout.ts): a title row (2024年客户台账) or blank rows above it are skipped.
 * 2. Each column gets candidates from its header (standard name 1.0, synonym 0.92, keyword 0.7)
 *    and from its values (11-digit numbers starting with 1 → mobile, @ → email, dates → last
 *    contact or start date by the header's words, 重点/潜在/普通 → grade, 高/中/低 → priority,
 *    1–5 with a header hint → need match or likelihood, company names → name, GB/T sections →
 *    industry, 18-character codes → credit code, person names → contact beside a name column).
 *    A header whose values plainly contradict it (a 电话 column full of emails) loses 0.35.
 * 3. Targets are assigned greedily by confidence, so no target is used twice; a repeated header
 *    keeps only its first column; everything else is null: an extra column, kept as it is.
 * Only Customers input columns are targets; output columns are the add-in's own.
 */
import { INPUT_COLUMNS, isOwnerHeader, matchHeaderText } from "./header-match";
import { HEADER_SEARCH_ROWS, cellAt, findListLayout } from "./layout";
import { AdoptError } from "../i18n/adopt";
import { profileValues, share, type ValueProfile } from "./values";
import { foldHeader } from "../mapping/headers";
import { asText } from "../mapping/coerce";
import type { CellValue } from "../plan/cells";
import type { SheetSnapshot } from "../plan/snapshot";

export interface AdoptColumnProposal {
  /** 0-based sheet column */
  source: number;
  /** the header cell as text ("" when blank) */
  header: string;
  /** a Customers input column id, or null: kept as an extra column */
  target: string | null;
  /** how sure the proposal is of `target` (for null: that the column is an extra one) */
  confidence: number;
  /** codes, e.g. "header:synonym", "values:mobile" (i18n/adopt.ts EVIDENCE_TEXT) */
  evidence: string[];
  /** the first few non-blank values, as text */
  samples: string[];
}

export interface AdoptProposal {
  sheetName: string;
  /** 0-based sheet row of the header row */
  headerRow: number;
  firstCol: number;
  colCount: number;
  /** non-blank rows below the header */
  dataRows: number;
  /** last sheet row of the list */
  lastRow: number;
  columns: AdoptColumnProposal[];
  /** columns adoption cannot proceed without that no source column maps to (name) */
  unmappedRequired: string[];
  /** standard input columns no source maps to: adoption adds them, empty, at the right */
  added: string[];
}

/** Candidates below this are not proposed. */
export const MIN_CONFIDENCE = 0.5;
const SAMPLE_COUNT = 3;
const INPUT_IDS = new Set(INPUT_COLUMNS.map((c) => c.id));

interface Candidate {
  target: string;
  score: number;
  evidence: string[];
  fromHeader: boolean;
}

const DATE_WORDS = /时间|日期|date|time|day|到店|since|when/;
const LAST_CONTACT_HINT = /沟通|联系|到店|跟进|拜访|来访|回访|最近|上次|最后|last|contact|visit|follow/;
const START_HINT = /合作|签约|开始|起始|首次|开户|入会|注册|成交|since|start|join|sign|first/;
const NEED_HINT = /匹配|fit|match/;
const LIKELIHOOD_HINT = /可能|意向|概率|成交率|likelihood|intent|probab|chance/;

/** Does a column's profile fit the type its header names? Used to demote contradicted headers. */
function fits(target: string, p: ValueProfile): number | null {
  const s = (k: number) => share(p, k);
  switch (target) {
    case "mobile":
      return s(p.phone);
    case "email":
      return s(p.email);
    case "creditCode":
      return s(p.creditCode);
    case "startDate":
    case "lastContact":
      return s(p.textDate + p.serialDate);
    case "needMatch":
    case "likelihood":
      return s(p.score15);
    case "employees":
    case "revenue":
      return s(p.number);
    default:
      return null;
  }
}

function valueCandidates(p: ValueProfile, folded: string): Candidate[] {
  const out: Candidate[] = [];
  if (p.n === 0) return out;
  const add = (target: string, score: number, code: string) => out.push({ target, score: Math.min(0.95, score), evidence: [`values:${code}`], fromHeader: false });
  const s = (k: number) => share(p, k);
  if (s(p.mobile) >= 0.6) add("mobile", 0.6 + 0.3 * s(p.mobile), "mobile");
  else if (s(p.phone) >= 0.6) add("mobile", 0.55 + 0.2 * s(p.phone), "phone");
  if (s(p.email) >= 0.6) add("email", 0.6 + 0.3 * s(p.email), "email");
  if (s(p.creditCode) >= 0.7) add("creditCode", 0.6 + 0.3 * s(p.creditCode), "creditCode");
  const dates = s(p.textDate) >= 0.6 ? s(p.textDate) : DATE_WORDS.test(folded) || LAST_CONTACT_HINT.test(folded) || START_HINT.test(folded) ? s(p.textDate + p.serialDate) : 0;
  if (dates >= 0.6) {
    if (START_HINT.test(folded)) add("startDate", 0.55 + 0.3 * dates, "date");
    else if (LAST_CONTACT_HINT.test(folded)) add("lastContact", 0.55 + 0.3 * dates, "date");
  }
  if (s(p.grade) >= 0.7) add("grade", 0.6 + 0.3 * s(p.grade), "grade");
  if (s(p.priority) >= 0.7) add("priority", 0.6 + 0.3 * s(p.priority), "priority");
  if (s(p.score15) >= 0.9 && p.serialDate === 0) {
    if (NEED_HINT.test(folded)) add("needMatch", 0.8, "score15");
    else if (LIKELIHOOD_HINT.test(folded)) add("likelihood", 0.8, "score15");
  }
  if (s(p.channel) >= 0.7) add("channel", 0.6 + 0.25 * s(p.channel), "channel");
  if (s(p.feedback) >= 0.7) add("feedback", 0.6 + 0.25 * s(p.feedback), "feedback");
  if (s(p.budget) >= 0.7) add("budget", 0.6 + 0.25 * s(p.budget), "budget");
  if (s(p.sizeBand) >= 0.7) add("sizeBand", 0.6 + 0.25 * s(p.sizeBand), "sizeBand");
  if (s(p.industry) >= 0.6) add("industry", 0.55 + 0.3 * s(p.industry), "industry");
  if (s(p.company) >= 0.5) add("name", 0.55 + 0.3 * s(p.company), "company");
  // Person names repeat rarely; list-like columns (cities, grades) repeat a lot.
  const varied = p.n < 5 || p.distinct / p.n >= 0.6;
  if (s(p.person) >= 0.7 && varied) {
    add("contact", 0.55 + 0.15 * s(p.person), "person");
    add("name", 0.5 + 0.05 * s(p.person), "person");
  }
  if (s(p.title) >= 0.6 && s(p.person) < 0.5) add("title", 0.55 + 0.2 * s(p.title), "title");
  return out;
}

function columnCandidates(header: CellValue, values: readonly CellValue[], duplicate: boolean): { candidates: Candidate[]; notes: string[] } {
  const notes: string[] = [];
  if (duplicate) return { candidates: [], notes: ["header:duplicate"] };
  if (isOwnerHeader(header)) return { candidates: [], notes: ["header:owner"] };
  const folded = typeof header === "string" ? foldHeader(header) : "";
  const p = profileValues(values);
  const fromValues = valueCandidates(p, folded);
  const h = matchHeaderText(header);
  const byTarget = new Map<string, Candidate>();
  if (h && h.kind === "output") notes.push("header:output");
  else if (h && INPUT_IDS.has(h.target)) {
    let score = h.score;
    const evidence = [`header:${h.kind}`];
    const fit = fits(h.target, p);
    if (fit !== null && p.n >= 3 && fit < 0.3) {
      score -= 0.35;
      evidence.push("values:conflict");
    }
    byTarget.set(h.target, { target: h.target, score, evidence, fromHeader: true });
  }
  for (const c of fromValues) {
    const known = byTarget.get(c.target);
    if (known) {
      // Header and values agree: a little surer than either alone.
      known.score = Math.min(1, Math.max(known.score, c.score) + 0.05);
      known.evidence = [...known.evidence.filter((e) => e !== "values:conflict"), ...c.evidence];
    } else byTarget.set(c.target, c);
  }
  return { candidates: [...byTarget.values()], notes };
}

function round2(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

/** The proposal for one sheet's list. Throws AdoptError noHeaderRow when no row of the first ones reads as headers. */
export function proposeMapping(sheet: SheetSnapshot): AdoptProposal {
  const layout = findListLayout(sheet);
  if (!layout) throw new AdoptError("noHeaderRow", { sheet: sheet.name, rows: HEADER_SEARCH_ROWS });
  const { headerRow, firstCol, colCount, lastRow } = layout;
  const columnValues: CellValue[][] = [];
  let dataRows = 0;
  for (let i = 0; i < colCount; i++) columnValues.push([]);
  for (let r = headerRow + 1; r <= lastRow; r++) {
    let any = false;
    for (let i = 0; i < colCount; i++) {
      const v = cellAt(sheet, r, firstCol + i);
      columnValues[i].push(v);
      if (v !== "") any = true;
    }
    if (any) dataRows++;
  }
  const seenHeaders = new Set<string>();
  const perColumn = layout.headers.map((header, i) => {
    const f = typeof header === "string" ? foldHeader(header) : "";
    const duplicate = f !== "" && seenHeaders.has(f);
    if (f) seenHeaders.add(f);
    return columnCandidates(header, columnValues[i], duplicate);
  });

  // Greedy by confidence: the strongest (column, target) pairs first; header evidence and
  // the leftmost column win ties, so a repeated meaning goes to the first column.
  const pairs = perColumn.flatMap((pc, i) => pc.candidates.filter((c) => c.score >= MIN_CONFIDENCE).map((c) => ({ i, c })));
  pairs.sort((a, b) => b.c.score - a.c.score || Number(b.c.fromHeader) - Number(a.c.fromHeader) || a.i - b.i);
  const assigned = new Map<number, Candidate>();
  const used = new Set<string>();
  for (const { i, c } of pairs) {
    if (assigned.has(i) || used.has(c.target)) continue;
    assigned.set(i, c);
    used.add(c.target);
  }
  // Person names are the contact beside a company column; without one they are the customers.
  if (!used.has("name")) {
    for (const [i, c] of assigned) {
      const asName = perColumn[i].candidates.find((x) => x.target === "name");
      if (c.target === "contact" && !c.fromHeader && asName) {
        assigned.set(i, asName);
        used.delete("contact");
        used.add("name");
        break;
      }
    }
  }

  const columns: AdoptColumnProposal[] = layout.headers.map((header, i) => {
    const c = assigned.get(i);
    const values = columnValues[i];
    const samples: string[] = [];
    for (const v of values) {
      if (samples.length >= SAMPLE_COUNT) break;
      const t = asText(v);
      if (t !== "" && !samples.includes(t)) samples.push(t);
    }
    const headerText = typeof header === "string" ? header.trim() : asText(header);
    if (c) return { source: firstCol + i, header: headerText, target: c.target, confidence: round2(c.score), evidence: c.evidence, samples };
    const best = Math.max(0, ...perColumn[i].candidates.map((x) => x.score));
    const evidence = [...perColumn[i].notes, ...perColumn[i].candidates.flatMap((x) => x.evidence)];
    return { source: firstCol + i, header: headerText, target: null, confidence: round2(1 - best), evidence: [...new Set(evidence)], samples };
  });
  const mapped = new Set(columns.map((c) => c.target).filter((t): t is string => t !== null));
  return {
    sheetName: sheet.name,
    headerRow,
    firstCol,
    colCount,
    dataRows,
    lastRow,
    columns,
    unmappedRequired: mapped.has("name") ? [] : ["name"],
    added: INPUT_COLUMNS.filter((c) => !mapped.has(c.id)).map((c) => c.id),
  };
}
