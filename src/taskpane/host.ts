/**
 * The pane's one door to Office: every Office.js / Excel call the pane makes goes through here,
 * so React components stay pure and wiring a new shell function is a change to this file only.
 *
 * Actions follow the shell's pattern (src/excel/actions.ts): one Excel.run — read a snapshot,
 * let the core plan, apply the plan — and every failure comes back as a localized message.
 * Insert template and Score and tier are the shell's own runners (the ribbon runs the same ones);
 * Adopt, Filters, Settings, Clean, Undo last clean and Masked copy are composed here from the same
 * readSnapshot / applyPlan, because src/excel/actions.ts has no runner for them yet.
 */
import type { AdoptMappingEntry } from "../core/actions/adopt";
import type { FilterSpec } from "../core/actions/filter";
import { templateSheet } from "../core/actions/insert-template";
import { workbookLang } from "../core/actions/sheet-names";
import type { FilterPresetId } from "../core/i18n/adopt";
import { InsightError, message } from "../core/i18n/messages";
import { sheetDef } from "../core/layout/sheets";
import type { CellValue, Lang } from "../core/plan/cells";
import { findTable, type WorkbookSnapshot } from "../core/plan/snapshot";
import { emptySheetPlan, type WorkbookPlan } from "../core/plan/types";
import { SETTING_KEYS, settingsToRows, type SettingKey } from "../core/settings/rows";
import type { Settings } from "../core/settings/types";
import { runInsertTemplate, runScoreAndTier } from "../excel/actions";
import { applyPlan } from "../excel/apply";
import { lastResult, setPaneVisible, subscribeResults, type ActionResult } from "../excel/notify";
import { requireExcelApi } from "../excel/requirements";
import { readSnapshot } from "../excel/snapshot";
import { langFromTag, t } from "./i18n";

export interface HostInfo {
  /** true inside Excel (or with a fake Excel injected); false in a plain browser */
  inExcel: boolean;
  displayLang: Lang;
}

/** What the pane shows after an action, from the pane or the ribbon. */
export interface PaneResult {
  ok: boolean;
  message: string;
  details: string[];
  counts: Record<string, number>;
  fromRibbon?: boolean;
}

export type ProgressStage = "read" | "plan" | "apply";
export type OnProgress = (stage: ProgressStage, rows: number | null) => void;

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  activeSheet: string;
}

const READY_TIMEOUT_MS = 10_000;

function hasExcel(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

/** Office.onReady, bounded: if office.js never answers (blocked, offline), the pane still renders. */
export async function connect(): Promise<HostInfo> {
  const browserLang = langFromTag(typeof navigator !== "undefined" ? navigator.language : "");
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { inExcel: false, displayLang: browserLang };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS));
  let info: { host: Office.HostType | string | null } | null = null;
  try {
    info = await Promise.race([Office.onReady(), timeout]);
  } catch {
    info = null;
  }
  const inExcel = info !== null && String(info.host) === "Excel" && hasExcel();
  if (!inExcel) return { inExcel: false, displayLang: browserLang };
  setPaneVisible(true);
  const addin = (Office as { addin?: Office.Addin }).addin;
  if (addin && typeof addin.onVisibilityModeChanged === "function") {
    addin.onVisibilityModeChanged((args) => setPaneVisible(String(args.visibilityMode) === "Taskpane")).catch(() => undefined);
  }
  return { inExcel: true, displayLang: langFromTag(Office.context?.displayLanguage) };
}

/** Results of the ribbon's commands (shared runtime), the latest first if one is waiting. */
export function onRibbonResult(listener: (r: PaneResult) => void): () => void {
  const toPane = (r: ActionResult): PaneResult => ({ ok: r.ok, message: r.message, details: r.details, counts: r.counts, fromRibbon: true });
  const waiting = lastResult();
  if (waiting) listener(toPane(waiting));
  return subscribeResults((r) => listener(toPane(r)));
}

function errorDetail(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const code = "code" in e && typeof (e as { code: unknown }).code === "string" ? (e as { code: string }).code : "";
    const msg = e instanceof Error ? e.message : "";
    return code && msg ? `${code}: ${msg}` : code || msg || String(e);
  }
  return String(e);
}

/** The core's errors that carry their own words (AdoptError, loaded with the screens that throw it). */
function isLocalized(e: unknown): e is { localized: (lang: Lang) => string } {
  return e instanceof Error && typeof (e as { localized?: unknown }).localized === "function";
}

/** Any failure in the person's language: our errors say what to do; Excel's say what it reported. */
export function errorText(e: unknown, lang: Lang, stage: ProgressStage | "check" = "read"): string {
  if (e instanceof InsightError || isLocalized(e)) return e.localized(lang);
  if (stage === "apply") return message("excelApplyFailed", { detail: errorDetail(e) }, lang);
  if (stage === "read" || stage === "check") return message("excelReadFailed", { detail: errorDetail(e) }, lang);
  return t(lang, "unexpected", { detail: errorDetail(e) });
}

function fail(message: string): PaneResult {
  return { ok: false, message, details: [], counts: {} };
}

/** Everything the pane reads: the snapshot the core needs and the active sheet, in one Excel.run. */
export async function readWorkbook(): Promise<WorkbookRead> {
  if (!hasExcel()) throw new Error("Excel is not available");
  requireExcelApi();
  return Excel.run(async (context) => {
    // Queued before readSnapshot's first request, so it travels with it: no extra sync.
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    const shell = await readSnapshot(context);
    return { snapshot: shell.snapshot, activeSheet: active.name };
  });
}

function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export interface Planned {
  plan: WorkbookPlan;
  /** rows the plan touches, for the progress line */
  rows: number | null;
  message: (lang: Lang) => string;
}

/** One Excel.run: read, plan with the core, apply; progress per stage; never throws. */
async function runPlan(lang: Lang, build: (snapshot: WorkbookSnapshot) => Planned, onProgress?: OnProgress): Promise<PaneResult> {
  if (!hasExcel()) return fail(t(lang, "notConnected"));
  let stage: ProgressStage | "check" = "check";
  try {
    requireExcelApi();
    return await Excel.run(async (context) => {
      stage = "read";
      onProgress?.("read", null);
      const shell = await readSnapshot(context);
      stage = "plan";
      const planned = build(shell.snapshot);
      onProgress?.("apply", planned.rows);
      stage = "apply";
      const applied = await applyPlan(context, planned.plan, shell);
      return { ok: true, message: planned.message(lang), details: [], counts: { ...applied.counts } };
    });
  } catch (e) {
    return fail(errorText(e, lang, stage));
  }
}

async function shellAction(run: () => Promise<ActionResult>, lang: Lang): Promise<PaneResult> {
  if (!hasExcel()) return fail(t(lang, "notConnected"));
  try {
    const r = await run();
    return { ok: r.ok, message: r.message, details: r.details, counts: r.counts };
  } catch (e) {
    return fail(errorText(e, lang, "apply"));
  }
}

/**
 * Apply a plan built from the live workbook by a planner of a lazily loaded screen (Clean, Undo
 * last clean, Masked copy: model/clean-actions.ts), so their planners stay out of the first paint.
 * `now` is the local time the Change log and the Archive record.
 */
export function applyPlanned(build: (snapshot: WorkbookSnapshot, now: string) => Planned, lang: Lang, onProgress?: OnProgress): Promise<PaneResult> {
  return runPlan(lang, (snapshot) => build(snapshot, localTime(new Date())), onProgress);
}

export function insertTemplate(lang: Lang): Promise<PaneResult> {
  return shellAction(() => runInsertTemplate(lang), lang);
}

export function scoreAndTier(lang: Lang): Promise<PaneResult> {
  return shellAction(() => runScoreAndTier(lang), lang);
}

/** Adopt my list: the person's confirmed mapping of the sheet's list → the Customers table. */
export async function adopt(sheetName: string, mapping: readonly AdoptMappingEntry[], lang: Lang, onProgress?: OnProgress): Promise<PaneResult> {
  // Loaded on first use: adoption's planner is not part of the pane's first paint.
  const { adoptList } = await import("../core/actions/adopt");
  return runPlan(
    lang,
    (snapshot) => {
      const plan = adoptList(snapshot, sheetName, mapping, workbookLang(snapshot, lang), localTime(new Date()));
      const table = plan.sheets[0]?.tables.find((x) => x.name === "Customers");
      const rows = table ? table.range.rowCount - 1 : 0;
      return { plan, rows, message: (l) => `${t(l, "adoptDone", { sheet: sheetName, rows, headers: plan.changeLog.length })} ${t(l, "adoptNextScore")}` };
    },
    onProgress,
  );
}

/** Apply a preset or the builder's conditions as AutoFilter on the Customers table. */
export async function applyFilter(filter: FilterSpec | FilterPresetId, lang: Lang, onProgress?: OnProgress): Promise<PaneResult> {
  const { filterPlan, countVisible } = await import("../core/actions/filter");
  const { presetName } = await import("../core/i18n/adopt");
  return runPlan(
    lang,
    (snapshot) => {
      const plan = filterPlan(snapshot, filter, lang);
      const { total, visible } = countVisible(snapshot, filter, lang);
      const name = typeof filter === "string" ? presetName(filter, lang) : t(lang, "filterCustom");
      return { plan, rows: total, message: (l) => t(l, "filterApplied", { name, visible: visible.length, total }) };
    },
    onProgress,
  );
}

export async function clearFilters(lang: Lang, onProgress?: OnProgress): Promise<PaneResult> {
  const { clearFiltersPlan } = await import("../core/actions/filter");
  return runPlan(
    lang,
    (snapshot) => {
      const plan = clearFiltersPlan(snapshot, lang);
      const found = findTable(snapshot, "Customers");
      const total = found ? found.table.rowCount : 0;
      return { plan, rows: total, message: (l) => t(l, "filterCleared", { total }) };
    },
    onProgress,
  );
}

/**
 * The plan that saves settings on the Settings table, so they travel with the workbook: the value
 * cell of each key's row. A workbook without the table gets the Settings sheet as Insert template
 * makes it, filled with these settings. (The core has no settings-writing action yet; WorkbookPlan
 * has no "settings" action id, so the plan carries insertTemplate, whose sheet this is.)
 */
export function settingsSavePlan(snapshot: WorkbookSnapshot, settings: Settings, lang: Lang): WorkbookPlan {
  const found = findTable(snapshot, "Settings");
  if (!found) {
    const sp = templateSheet(snapshot, sheetDef("settings"), workbookLang(snapshot, lang), settings);
    return { action: "insertTemplate", lang, sheets: [sp], changeLog: [] };
  }
  const { sheet, table } = found;
  const wanted = new Map<string, CellValue>(settingsToRows(settings, lang).map((r) => [String(r[0]), r[2]]));
  const known = new Set<string>(SETTING_KEYS);
  const sp = emptySheetPlan(sheet.name, false);
  for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    const key = String(line[table.firstCol - sheet.originCol] ?? "").trim();
    if (!known.has(key)) continue;
    const value = wanted.get(key) ?? "";
    const old = line[table.firstCol + 2 - sheet.originCol] ?? "";
    if (old === value) continue;
    const k = key as SettingKey;
    const format = k === "referenceDate" && value !== "" ? "yyyy-mm-dd" : k.startsWith("rfmCutoffs.") ? "@" : "General";
    sp.writes.push({ row: r, col: table.firstCol + 2, kind: "values", values: [[value]], numberFormats: [format] });
  }
  return { action: "insertTemplate", lang, sheets: sp.writes.length ? [sp] : [], changeLog: [] };
}

export function saveSettings(settings: Settings, lang: Lang, onProgress?: OnProgress): Promise<PaneResult> {
  return runPlan(
    lang,
    (snapshot) => {
      const plan = settingsSavePlan(snapshot, settings, lang);
      const sheet = findTable(snapshot, "Settings")?.sheet.name ?? plan.sheets[0]?.name ?? "";
      return { plan, rows: plan.sheets[0]?.writes.length ?? 0, message: (l) => t(l, "settingsSaved", { sheet }) };
    },
    onProgress,
  );
}
