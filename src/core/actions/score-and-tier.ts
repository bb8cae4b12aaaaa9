import { scoreWorkbook } from "../engine/score";
import type { CustomerResult, ScoreResult } from "../engine/result";
import { CUSTOMER_TYPE_TEXT, SEGMENT_TEXT, YES_NO, dataStatusText, followUpStatusText } from "../i18n/engine";
import { formatResult } from "../engine/format";
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
import { pick } from "../plan/cells";
import { findTable, usedWidth, type SheetSnapshot, type WorkbookSnapshot } from "../plan/snapshot";
import { REPORT } from "../i18n/report";
import { templateSheet } from "./insert-template";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { Settings } from "../settings/types";
import { generateIds } from "./ids";
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
    followUpStatus: r.followUpStatus ? pick(followUpStatusText(r.followUpStatus, settings.dueSoonDays), lang) : "",
    dataStatus: pick(dataStatusText(r.gaps), lang),
  };
}

const round1 = (x: number | null) => (x === null ? "" : Math.round(x * 10) / 10);

function customersSheet(ledger: Ledger, result: ScoreResult, ids: Map<number, string>, lang: Lang, settings: Settings, log: ChangeLogEntry[], time: string): SheetPlan {
  const table = ledger.customers;
  const sp = emptySheetPlan(table.sheet.name, false);
  const byRow = new Map(result.customers.map((r) => [r.row, r]));
  const dup = duplicateIdRows(ledger, lang);
  const kept = keptDuplicateNotes(table);
  const where = writeOutputColumns(
    sp,
    table,
    TABLES.Customers,
    (row): Record<string, CellValue> => {
      const r = byRow.get(row);
      if (!r) return {};
      const tx = outputTexts(r, lang, settings);
      return {
        tier: tx.tier,
        score: round1(r.score),
        core: tx.core,
        customerType: tx.customerType,
        nextFollowUp: r.nextFollowUp ?? "",
        followUpStatus: tx.followUpStatus,
        dataStatus: tx.dataStatus,
        possibleDuplicate: dup.get(row) ?? kept.get(row) ?? "",
      };
    },
    lang,
  );
  // Generated ids: the one write into an input column, so it is logged cell by cell.
  const idCol = table.columns.get("id");
  if (ids.size && idCol !== undefined) {
    // The log keeps the cell exactly as it was (a blank id may be spaces, not "").
    const raw = new Map(table.rows.map((r) => [r.row, r.cells[idCol - table.firstCol] ?? ""]));
    for (const [row, id] of ids) {
      sp.writes.push({ row, col: idCol, kind: "values", values: [[id]], numberFormats: ["@"] });
      log.push({ time, action: "scoreAndTier", sheet: table.sheet.name, key: id, column: headerOf(CUSTOMER_COLUMNS[0], lang), old: raw.get(row) ?? "", new: id });
    }
  }
  const dataRows = Math.max(1, table.lastRow - table.headerRow);
  const colRange = (id: string) => ({ row: table.headerRow + 1, col: where.get(id) as number, rowCount: dataRows, colCount: 1 });
  const tierRange = colRange("tier");
  const statusRange = colRange("followUpStatus");
  sp.clearConditionalFormats = [tierRange, statusRange];
  const first = `${colLetters(tierRange.col)}${tierRange.row + 1}`;
  for (const t of ["A", "B", "C", "D"]) sp.conditionalFormats.push({ kind: "custom", range: tierRange, formula: `=${first}="${t}"`, fill: TIER_COLOURS[t].fill, fontColor: TIER_COLOURS[t].font, bold: true });
  const overdue = pick(followUpStatusText("overdue", settings.dueSoonDays), lang);
  const soon = pick(followUpStatusText("dueSoon", settings.dueSoonDays), lang);
  sp.conditionalFormats.push({ kind: "cellValue", range: statusRange, operator: "EqualTo", formula1: `="${overdue}"`, fill: "#FFC7CE", fontColor: "#9C0006" });
  sp.conditionalFormats.push({ kind: "cellValue", range: statusRange, operator: "EqualTo", formula1: `="${soon}"`, fill: "#FFEB9C", fontColor: "#9C5700" });
  return sp;
}

/** Rows whose customer id appears more than once: each names the other rows (a person decides). */
function duplicateIdRows(ledger: Ledger, lang: Lang): Map<number, string> {
  const seen = new Map<string, number[]>();
  for (const r of ledger.customerRecords) {
    const k = r.id.trim().toLowerCase();
    if (k) seen.set(k, [...(seen.get(k) ?? []), r.row]);
  }
  const out = new Map<number, string>();
  const prefix = pick(REPORT.sameIdAs, lang);
  for (const [, rows] of seen) if (rows.length > 1) for (const row of rows) out.set(row, `${prefix} ${rows.filter((x) => x !== row).map((x) => `#${x + 1}`).join(", ")}`);
  return out;
}

/**
 * 疑似重复 also holds Clean's near-name notes: Score keeps what is there, except its own
 * same-id notes (either language), which it rewrites from the current ids every run.
 */
function keptDuplicateNotes(table: LocatedTable): Map<number, CellValue> {
  const out = new Map<number, CellValue>();
  const col = table.columns.get("possibleDuplicate");
  if (col === undefined) return out;
  for (const { row, cells } of table.rows) {
    const v = cells[col - table.firstCol];
    if (v === undefined || v === "") continue;
    if (typeof v === "string" && (v.startsWith(REPORT.sameIdAs.zh) || v.startsWith(REPORT.sameIdAs.en))) continue;
    out.set(row, v);
  }
  return out;
}

function behaviourSheet(ledger: Ledger, result: ScoreResult, lang: Lang): SheetPlan | null {
  const table = ledger.behaviour;
  if (!table || !ledger.behaviourRecords) return null;
  const sp = emptySheetPlan(table.sheet.name, false);
  const byRow = new Map<number, ScoreResult["behaviourRows"][number]>();
  ledger.behaviourRecords.forEach((rec, i) => byRow.set(rec.row, result.behaviourRows[i]));
  const where = writeOutputColumns(
    sp,
    table,
    TABLES.Behaviour,
    (row): Record<string, CellValue> => {
      const b = byRow.get(row);
      if (!b) return {};
      return { avgOrder: b.avgOrder === null ? "" : Math.round(b.avgOrder * 100) / 100, activity: round1(b.activity), declineRate: b.declineRate ?? "", churnRisk: round1(b.churnRisk) };
    },
    lang,
  );
  const churn = { row: table.headerRow + 1, col: where.get("churnRisk") as number, rowCount: Math.max(1, table.lastRow - table.headerRow), colCount: 1 };
  sp.clearConditionalFormats = [churn];
  sp.conditionalFormats.push({ kind: "colorScale", range: churn, min: { value: 0, color: "#63BE7B" }, mid: { value: 50, color: "#FFEB84" }, max: { value: 100, color: "#F8696B" } });
  return sp;
}

const TIER_ORDER: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, "": 4 };

function tiersSheet(snapshot: WorkbookSnapshot, result: ScoreResult, ids: Map<number, string>, lang: Lang, settings: Settings): SheetPlan {
  const name = resolveSheetName(snapshot, "tiers", lang);
  const existing = sheetByName(snapshot, name);
  // A person's own sheet that happens to carry our name is never cleared.
  if (existing && existing.values.length && !existing.tables.some((t) => t.name.toLowerCase() === "tiers")) throw new InsightError("sheetNameTaken", { sheet: name, table: "Tiers" });
  const sp = emptySheetPlan(name, true);
  if (!existing) sp.tabColor = sheetDef("tiers").tabColor;
  const sorted = [...result.customers].sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (b.score ?? -1) - (a.score ?? -1) || a.row - b.row);
  const rows: CellValue[][] = sorted.map((r) => {
    const tx = formatResult(r, lang, settings.dueSoonDays);
    return [ids.get(r.row) ?? r.id, r.name, tx.scoreKind, round1(r.score), tx.tier, tx.tierName, round1(r.churnRisk), r.recencyDays ?? "", r.r ?? "", r.f ?? "", r.m ?? "", tx.segment, r.tenureMonths ?? "", tx.core, tx.customerType, tx.traits, tx.issues, tx.reason, tx.action];
  });
  if (rows.length === 0) rows.push(TIER_COLUMNS.map(() => ""));
  const headers = TIER_COLUMNS.map((c) => headerOf(c, lang));
  // The old table (and anything below it) is ours: cleared and written anew, so a re-run is identical.
  const oldRows = existing ? existing.originRow + existing.values.length : 0;
  sp.clear.push({ row: 0, col: 0, rowCount: Math.max(oldRows, rows.length + 1), colCount: Math.max(headers.length, existing ? existing.originCol + usedWidth(existing) : 0) });
  sp.tables.push({ name: "Tiers", mode: "replace", range: { row: 0, col: 0, rowCount: rows.length + 1, colCount: headers.length }, headers, style: TABLES.Tiers.style });
  sp.writes.push({ row: 0, col: 0, kind: "values", values: [headers, ...rows], numberFormats: TIER_COLUMNS.map((c) => c.numberFormat ?? "General") });
  sp.formats.push({ range: { row: 0, col: 0, rowCount: 1, colCount: headers.length }, fill: HEADER_FILL.output, fontColor: "#FFFFFF", bold: true, wrap: true });
  TIER_COLUMNS.forEach((c, i) => sp.columnWidths.push({ col: i, width: c.width }));
  const tierCol = TIER_COLUMNS.findIndex((c) => c.id === "tier");
  const tierRange = { row: 1, col: tierCol, rowCount: rows.length, colCount: 1 };
  sp.clearConditionalFormats = [{ row: 1, col: 0, rowCount: Math.max(oldRows, rows.length), colCount: headers.length }];
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

function summarySheet(snapshot: WorkbookSnapshot, result: ScoreResult, lang: Lang): SheetPlan {
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
  renderSummary(sp, result.summary, lang, { ...text, segmentName: (id) => pick(SEGMENT_TEXT[id as keyof typeof SEGMENT_TEXT], lang), asOf: serialToISO(result.refDate) });
  return sp;
}

/**
 * Score and tier (SPEC §3): writes only output columns, generated ids (logged), and the Tiers
 * and Summary sheets. Running it twice on the same workbook gives the same workbook.
 */
export function scoreAndTier(snapshot: WorkbookSnapshot, settings: Settings, refDate: number, lang: Lang, now: string): ScoreOutcome {
  const ledger = readLedger(snapshot);
  for (const t of [ledger.customers, ledger.behaviour]) if (t?.sheet.protected) throw new InsightError("sheetProtected", { sheet: t.sheet.name });
  const genIds = generateIds(ledger.customerRecords, refDate);
  const customers = ledger.customerRecords.map((r) => (genIds.has(r.row) ? { ...r, id: genIds.get(r.row) as string } : r));
  const result = scoreWorkbook({ customers, behaviour: ledger.behaviourRecords, interactions: ledger.interactionRecords }, settings, refDate);
  const log: ChangeLogEntry[] = [];
  const sheets: SheetPlan[] = [customersSheet(ledger, result, genIds, lang, settings, log, now)];
  const b = behaviourSheet(ledger, result, lang);
  if (b) sheets.push(b);
  sheets.push(tiersSheet(snapshot, result, genIds, lang, settings), summarySheet(snapshot, result, lang));
  // Generated ids are logged; a list adopted without the template gets its Change log sheet first.
  if (log.length && !findTable(snapshot, "ChangeLog")) sheets.push(templateSheet(snapshot, sheetDef("changeLog"), lang, settings));
  for (const sp of sheets) if (sheetByName(snapshot, sp.name)?.protected) throw new InsightError("sheetProtected", { sheet: sp.name });
  const notices: Notice[] = [];
  if (!ledger.behaviourRecords) notices.push({ code: "noBehaviourSheet", params: {} });
  if (result.unknownBehaviourIds.length) notices.push({ code: "unknownBehaviourCustomer", params: { count: result.unknownBehaviourIds.length, example: result.unknownBehaviourIds[0] } });
  if (genIds.size) notices.push({ code: "idGenerated", params: { count: genIds.size } });
  const ids = new Map(customers.map((c) => [c.row, c.id]));
  return { plan: { action: "scoreAndTier", lang, sheets, changeLog: log, activate: resolveSheetName(snapshot, "summary", lang) }, result, ledger, ids, notices };
}

export { BEHAVIOUR_COLUMNS };
