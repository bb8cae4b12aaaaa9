import { scoreWorkbook } from "../engine/score";
import type { CustomerResult, ScoreResult } from "../engine/result";
import { CUSTOMER_TYPE_TEXT, SEGMENT_TEXT, YES_NO, dataStatusIn, followUpStatusIn } from "../i18n/engine";
import { ResultWords } from "../engine/format";
import { InsightError, type MessageCode, type MessageParams } from "../i18n/messages";
import { BEHAVIOUR_COLUMNS } from "../layout/behaviour";
import { TIER_COLUMNS } from "../layout/computed";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { TABLES, headerOf, sheetDef } from "../layout/sheets";
import { serialToISO } from "../mapping/dates";
import { columnLetters as colLetters } from "../plan/a1";
import { readLedger, type Ledger } from "../mapping/ledger";
import type { LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import type { CustomerRecord } from "../mapping/records";
import { pick } from "../plan/cells";
import { findTable, usedWidth, type SheetSnapshot, type WorkbookSnapshot } from "../plan/snapshot";
import { REPORT } from "../i18n/report";
import { templateSheet } from "./insert-template";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { Settings } from "../settings/types";
import { generateIds, sameIdGroups } from "./ids";
import { writeOutputColumns } from "./output-columns";
import { resolveSheetName, sheetByName } from "./sheet-names";
import { CHART_PREFIX, renderSummary } from "./summary-sheet";
import { HEADER_FILL } from "./table-parts";
import { formatConclusions } from "./conclusions-text";

export interface Notice {
  code: MessageCode;
  params: MessageParams;
}

export interface ScoreOutcome {
  plan: WorkbookPlan;
  result: ScoreResult;
  ledger: Ledger;
  /** the customer id each Customers row ends up with (generated ids included) */
  ids: Map<number, string>;
  notices: Notice[];
}

const TIER_COLOURS: Record<string, { fill: string; font: string }> = {
  A: { fill: "#C6EFCE", font: "#006100" },
  B: { fill: "#DDEBF7", font: "#1F4E79" },
  C: { fill: "#EDEDED", font: "#404040" },
  D: { fill: "#FFC7CE", font: "#9C0006" },
};

/** The short texts of a customer's output columns on the Customers sheet. */
export function outputTexts(r: CustomerResult, lang: Lang, settings: Settings) {
  return {
    tier: r.tier,
    core: pick(YES_NO[r.core ? "yes" : "no"], lang),
    customerType: r.customerType ? pick(CUSTOMER_TYPE_TEXT[r.customerType], lang) : "",
    followUpStatus: r.followUpStatus ? followUpStatusIn(r.followUpStatus, settings.dueSoonDays, lang) : "",
    dataStatus: dataStatusIn(r.gaps, lang),
  };
}

const round1 = (x: number | null) => (x === null ? "" : Math.round(x * 10) / 10);

function customersSheet(ledger: Ledger, result: ScoreResult, ids: Map<number, string>, words: ResultWords, log: ChangeLogEntry[], time: string): SheetPlan {
  const table = ledger.customers;
  const lang = words.lang;
  const sp = emptySheetPlan(table.sheet.name, false);
  // result.customers[i] is the customer of the table's data row i (the engine keeps the order).
  const customers = result.customers;
  const n = customers.length;
  const dup = duplicateIdNotes(ledger.customerRecords, lang);
  const kept = keptDuplicateNotes(table);
  const tier = new Array<CellValue>(n);
  const score = new Array<CellValue>(n);
  const core = new Array<CellValue>(n);
  const customerType = new Array<CellValue>(n);
  const nextFollowUp = new Array<CellValue>(n);
  const followUpStatus = new Array<CellValue>(n);
  const dataStatus = new Array<CellValue>(n);
  const possibleDuplicate = new Array<CellValue>(n);
  for (let i = 0; i < n; i++) {
    const r = customers[i];
    tier[i] = r.tier;
    score[i] = round1(r.score);
    core[i] = words.core(r.core);
    customerType[i] = words.customerType(r.customerType);
    nextFollowUp[i] = r.nextFollowUp ?? "";
    followUpStatus[i] = words.followUpStatus(r.followUpStatus);
    dataStatus[i] = words.dataStatus(r.gaps);
    possibleDuplicate[i] = dup[i] ?? kept[i] ?? "";
  }
  const where = writeOutputColumns(sp, table, TABLES.Customers, { tier, score, core, customerType, nextFollowUp, followUpStatus, dataStatus, possibleDuplicate }, lang);
  // Generated ids: the one write into an input column, so it is logged cell by cell.
  const idCol = table.columns.get("id");
  if (ids.size && idCol !== undefined) {
    for (const [row, id] of ids) {
      sp.writes.push({ row, col: idCol, kind: "values", values: [[id]], numberFormats: ["@"] });
      // The log keeps the cell exactly as it was (a blank id may be spaces, not "").
      const cells = table.dataCells[indexOfRow(table.dataRows, row)];
      log.push({ time, action: "scoreAndTier", sheet: table.sheet.name, key: id, column: headerOf(CUSTOMER_COLUMNS[0], lang), old: cells[idCol - table.firstCol] ?? "", new: id });
    }
  }
  const dataRows = Math.max(1, table.lastRow - table.headerRow);
  const colRange = (id: string) => ({ row: table.headerRow + 1, col: where.get(id) as number, rowCount: dataRows, colCount: 1 });
  const tierRange = colRange("tier");
  const statusRange = colRange("followUpStatus");
  sp.clearConditionalFormats = [tierRange, statusRange];
  const first = `${colLetters(tierRange.col)}${tierRange.row + 1}`;
  for (const t of ["A", "B", "C", "D"]) sp.conditionalFormats.push({ kind: "custom", range: tierRange, formula: `=${first}="${t}"`, fill: TIER_COLOURS[t].fill, fontColor: TIER_COLOURS[t].font, bold: true });
  const overdue = words.followUpStatus("overdue");
  const soon = words.followUpStatus("dueSoon");
  sp.conditionalFormats.push({ kind: "cellValue", range: statusRange, operator: "EqualTo", formula1: `="${overdue}"`, fill: "#FFC7CE", fontColor: "#9C0006" });
  sp.conditionalFormats.push({ kind: "cellValue", range: statusRange, operator: "EqualTo", formula1: `="${soon}"`, fill: "#FFEB9C", fontColor: "#9C5700" });
  return sp;
}

/**
 * Customers whose id appears more than once: each names the other rows (a person decides).
 * Indexed like the records; undefined for a unique or blank id.
 */
function duplicateIdNotes(records: readonly CustomerRecord[], lang: Lang): (string | undefined)[] {
  const out = new Array<string | undefined>(records.length);
  const prefix = pick(REPORT.sameIdAs, lang);
  for (const g of sameIdGroups(records)) {
    const refs = g.map((i) => `#${records[i].row + 1}`);
    for (let a = 0; a < g.length; a++) out[g[a]] = `${prefix} ${refs.filter((_, b) => b !== a).join(", ")}`;
  }
  return out;
}

/**
 * 疑似重复 also holds Clean's near-name notes: Score keeps what is there, except its own
 * same-id notes (either language), which it rewrites from the current ids every run.
 * Indexed like the table's data rows; undefined where there is nothing to keep.
 */
function keptDuplicateNotes(table: LocatedTable): (CellValue | undefined)[] {
  const { dataCells } = table;
  const out = new Array<CellValue | undefined>(dataCells.length);
  const col = table.columns.get("possibleDuplicate");
  if (col === undefined) return out;
  const at = col - table.firstCol;
  for (let i = 0; i < dataCells.length; i++) {
    const v = dataCells[i][at];
    if (v === undefined || v === "") continue;
    if (typeof v === "string" && (v.startsWith(REPORT.sameIdAs.zh) || v.startsWith(REPORT.sameIdAs.en))) continue;
    out[i] = v;
  }
  return out;
}

function behaviourSheet(ledger: Ledger, result: ScoreResult, lang: Lang): SheetPlan | null {
  const table = ledger.behaviour;
  if (!table || !ledger.behaviourRecords) return null;
  const sp = emptySheetPlan(table.sheet.name, false);
  // result.behaviourRows[i] belongs to the table's data row i, as the records do.
  const rows = result.behaviourRows;
  const n = ledger.behaviourRecords.length;
  const avgOrder = new Array<CellValue | undefined>(n);
  const activity = new Array<CellValue | undefined>(n);
  const declineRate = new Array<CellValue | undefined>(n);
  const churnRisk = new Array<CellValue | undefined>(n);
  for (let i = 0; i < n; i++) {
    const b = rows[i];
    if (!b) continue;
    avgOrder[i] = b.avgOrder === null ? "" : Math.round(b.avgOrder * 100) / 100;
    activity[i] = round1(b.activity);
    declineRate[i] = b.declineRate ?? "";
    churnRisk[i] = round1(b.churnRisk);
  }
  const where = writeOutputColumns(sp, table, TABLES.Behaviour, { avgOrder, activity, declineRate, churnRisk }, lang);
  const churn = { row: table.headerRow + 1, col: where.get("churnRisk") as number, rowCount: Math.max(1, table.lastRow - table.headerRow), colCount: 1 };
  sp.clearConditionalFormats = [churn];
  sp.conditionalFormats.push({ kind: "colorScale", range: churn, min: { value: 0, color: "#63BE7B" }, mid: { value: 50, color: "#FFEB84" }, max: { value: 100, color: "#F8696B" } });
  return sp;
}

const TIER_ORDER: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, "": 4 };

/**
 * Where each customer goes on the Tiers sheet (0 = first): tier A first, then by score (highest
 * first, unscored last), then by row. A stable radix sort over the bits of the scores, then a
 * stable pass by tier: no comparison function is called, which at 100,000 customers was most of
 * the sheet's time. Customers come in row order, and every pass keeps the order of equal keys.
 */
function tierPositions(customers: readonly CustomerResult[]): Int32Array {
  const n = customers.length;
  const tier = new Uint8Array(n);
  const negScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = customers[i];
    tier[i] = TIER_ORDER[r.tier];
    // + 0 turns −0 into 0: the two tie, as they do when compared.
    negScore[i] = -(r.score ?? -1) + 0;
  }
  // The bits of each −score as two 32-bit words that sort, as unsigned numbers, in the order of
  // the doubles: a negative double has all its bits flipped, a positive one its sign bit set.
  const words = new Uint32Array(negScore.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD];
    const l = words[2 * i + 1 - HIGH_WORD];
    const negative = h >= 0x80000000;
    hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    lo[i] = negative ? ~l >>> 0 : l;
  }
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order = byDigit(order, lo, 0);
  order = byDigit(order, lo, 16);
  order = byDigit(order, hi, 0);
  order = byDigit(order, hi, 16);
  const next = new Int32Array(TIER_COUNT + 1);
  for (let i = 0; i < n; i++) next[tier[i] + 1]++;
  for (let t = 1; t <= TIER_COUNT; t++) next[t] += next[t - 1];
  const position = new Int32Array(n);
  for (let k = 0; k < n; k++) position[order[k]] = next[tier[order[k]]]++;
  return position;
}

const TIER_COUNT = 5;
/** Which of a double's two 32-bit words holds its sign and exponent (1 on little-endian machines). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** One stable pass of the radix sort: `order` by the 16 bits of `key` from `shift`. */
function byDigit(order: Int32Array, key: Uint32Array, shift: number): Int32Array {
  const start = new Int32Array(0x10001);
  for (let i = 0; i < order.length; i++) start[((key[order[i]] >>> shift) & 0xffff) + 1]++;
  for (let d = 1; d <= 0x10000; d++) start[d] += start[d - 1];
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const j = order[i];
    out[start[(key[j] >>> shift) & 0xffff]++] = j;
  }
  return out;
}

function tiersSheet(snapshot: WorkbookSnapshot, result: ScoreResult, ids: Map<number, string>, dataRows: Int32Array, words: ResultWords): SheetPlan {
  const lang = words.lang;
  const name = resolveSheetName(snapshot, "tiers", lang);
  const existing = sheetByName(snapshot, name);
  // A person's own sheet that happens to carry our name is never cleared.
  if (existing && existing.values.length && !existing.tables.some((t) => t.name.toLowerCase() === "tiers")) throw new InsightError("sheetNameTaken", { sheet: name, table: "Tiers" });
  const sp = emptySheetPlan(name, true);
  if (!existing) sp.tabColor = sheetDef("tiers").tabColor;
  const customers = result.customers;
  const position = tierPositions(customers);
  // Generated ids by customer index (customers come in the records' order).
  const generated = new Array<string | undefined>(customers.length);
  for (const [row, id] of ids) generated[indexOfRow(dataRows, row)] = id;
  const headers = TIER_COLUMNS.map((c) => headerOf(c, lang));
  // The header and the rows, in one array: the sheet is written as one block. Customers are read
  // in their own order (each once, front to back) and their rows put where they sort to.
  const values = new Array<CellValue[]>(customers.length + 1);
  values[0] = headers;
  for (let i = 0; i < customers.length; i++) {
    const r = customers[i];
    values[position[i] + 1] = [
      generated[i] ?? r.id,
      r.name,
      words.scoreKind(r.scoreKind),
      round1(r.score),
      words.tier(r.tier),
      words.tierName(r.tier),
      round1(r.churnRisk),
      r.recencyDays ?? "",
      r.r ?? "",
      r.f ?? "",
      r.m ?? "",
      words.segment(r.segment),
      r.tenureMonths ?? "",
      words.core(r.core),
      words.customerType(r.customerType),
      words.traits(r.traits),
      words.issues(r.issues),
      words.reason(r.reason),
      words.action(r.tier),
    ];
  }
  const rows = values.length - 1 || 1;
  if (values.length === 1) values.push(TIER_COLUMNS.map(() => ""));
  // The old table (and anything below it) is ours: cleared and written anew, so a re-run is identical.
  const oldRows = existing ? existing.originRow + existing.values.length : 0;
  sp.clear.push({ row: 0, col: 0, rowCount: Math.max(oldRows, rows + 1), colCount: Math.max(headers.length, existing ? existing.originCol + usedWidth(existing) : 0) });
  sp.tables.push({ name: "Tiers", mode: "replace", range: { row: 0, col: 0, rowCount: rows + 1, colCount: headers.length }, headers, style: TABLES.Tiers.style });
  sp.writes.push({ row: 0, col: 0, kind: "values", values, numberFormats: TIER_COLUMNS.map((c) => c.numberFormat ?? "General") });
  sp.formats.push({ range: { row: 0, col: 0, rowCount: 1, colCount: headers.length }, fill: HEADER_FILL.output, fontColor: "#FFFFFF", bold: true, wrap: true });
  TIER_COLUMNS.forEach((c, i) => sp.columnWidths.push({ col: i, width: c.width }));
  const tierCol = TIER_COLUMNS.findIndex((c) => c.id === "tier");
  const tierRange = { row: 1, col: tierCol, rowCount: rows, colCount: 1 };
  sp.clearConditionalFormats = [{ row: 1, col: 0, rowCount: Math.max(oldRows, rows), colCount: headers.length }];
  for (const t of ["A", "B", "C", "D"]) {
    sp.conditionalFormats.push({ kind: "custom", range: tierRange, formula: `=LEFT(${colLetters(tierCol)}2,1)="${t}"`, fill: TIER_COLOURS[t].fill, fontColor: TIER_COLOURS[t].font, bold: true });
  }
  sp.freezeRows = 1;
  sp.pageSetup = { landscape: true, fitToWidth: true };
  return sp;
}

/** Our Summary sheet starts with its title (or the template's placeholder) in A1. */
function isOurSummary(sheet: SheetSnapshot): boolean {
  const a1 = sheet.originRow === 0 && sheet.originCol === 0 ? sheet.values[0]?.[0] : undefined;
  const titles = [REPORT.title.zh, REPORT.title.en, sheetDef("summary").label.zh, sheetDef("summary").label.en];
  return typeof a1 === "string" && titles.includes(a1);
}

function summarySheet(snapshot: WorkbookSnapshot, result: ScoreResult, words: ResultWords): SheetPlan {
  const lang = words.lang;
  const name = resolveSheetName(snapshot, "summary", lang);
  const existing = sheetByName(snapshot, name);
  if (existing && existing.values.length && !isOurSummary(existing)) throw new InsightError("sheetNameTaken", { sheet: name, table: name });
  const sp = emptySheetPlan(name, true);
  if (!existing) sp.tabColor = sheetDef("summary").tabColor;
  if (existing && existing.values.length) {
    sp.clear.push({ row: 0, col: 0, rowCount: existing.originRow + existing.values.length, colCount: existing.originCol + usedWidth(existing) });
  }
  sp.removeChartsWithPrefix = CHART_PREFIX;
  sp.pageSetup = { landscape: true, fitToWidth: true };
  const text = formatConclusions(result.conclusions, lang);
  renderSummary(sp, result.summary, lang, { ...text, segmentName: (id) => words.segment(id as keyof typeof SEGMENT_TEXT), asOf: serialToISO(result.refDate) });
  return sp;
}

/** The records with their generated ids put in (copies of those records only). */
function withIds(records: CustomerRecord[], dataRows: Int32Array, ids: Map<number, string>): CustomerRecord[] {
  if (ids.size === 0) return records;
  const out = records.slice();
  for (const [row, id] of ids) {
    const i = indexOfRow(dataRows, row);
    out[i] = { ...records[i], id };
  }
  return out;
}

/** Where a sheet row is among a table's data rows (ascending), by bisection. */
function indexOfRow(dataRows: Int32Array, row: number): number {
  let lo = 0;
  let hi = dataRows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dataRows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Score and tier (SPEC §3): writes only output columns, generated ids (logged), and the Tiers
 * and Summary sheets. Running it twice on the same workbook gives the same workbook.
 */
export function scoreAndTier(snapshot: WorkbookSnapshot, settings: Settings, refDate: number, lang: Lang, now: string): ScoreOutcome {
  const ledger = readLedger(snapshot);
  for (const t of [ledger.customers, ledger.behaviour]) if (t?.sheet.protected) throw new InsightError("sheetProtected", { sheet: t.sheet.name });
  const genIds = generateIds(ledger.customerRecords, refDate);
  const customers = withIds(ledger.customerRecords, ledger.customers.dataRows, genIds);
  const result = scoreWorkbook({ customers, behaviour: ledger.behaviourRecords, interactions: ledger.interactionRecords }, settings, refDate);
  const log: ChangeLogEntry[] = [];
  const words = new ResultWords(lang, settings.dueSoonDays);
  const sheets: SheetPlan[] = [customersSheet(ledger, result, genIds, words, log, now)];
  const b = behaviourSheet(ledger, result, lang);
  if (b) sheets.push(b);
  sheets.push(tiersSheet(snapshot, result, genIds, ledger.customers.dataRows, words), summarySheet(snapshot, result, words));
  // Generated ids are logged; a list adopted without the template gets its Change log sheet first.
  if (log.length && !findTable(snapshot, "ChangeLog")) sheets.push(templateSheet(snapshot, sheetDef("changeLog"), lang, settings));
  for (const sp of sheets) if (sheetByName(snapshot, sp.name)?.protected) throw new InsightError("sheetProtected", { sheet: sp.name });
  const notices: Notice[] = [];
  if (!ledger.behaviourRecords) notices.push({ code: "noBehaviourSheet", params: {} });
  if (result.unknownBehaviourIds.length) notices.push({ code: "unknownBehaviourCustomer", params: { count: result.unknownBehaviourIds.length, example: result.unknownBehaviourIds[0] } });
  if (genIds.size) notices.push({ code: "idGenerated", params: { count: genIds.size } });
  const ids = new Map<number, string>();
  for (let i = 0; i < customers.length; i++) ids.set(customers[i].row, customers[i].id);
  return { plan: { action: "scoreAndTier", lang, sheets, changeLog: log, activate: resolveSheetName(snapshot, "summary", lang) }, result, ledger, ids, notices };
}

export { BEHAVIOUR_COLUMNS };
