/**
 * Running one corpus workbook through the core and both shells, and looking at what came out:
 * cell signatures before and after (value and type of every cell), the message a refusal gave
 * (matched back to its message code, in zh-CN and en-US), and a small view of the result
 * (Tiers rows, Customers outputs, change log) that reads the same from both shells.
 */
import { cellAddress as a1 } from "../../src/core/plan/a1";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { readSettings } from "../../src/core/actions/read-settings";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { workbookLang } from "../../src/core/actions/sheet-names";
import { ADOPT_MESSAGES } from "../../src/core/i18n/adopt";
import { MESSAGES } from "../../src/core/i18n/messages";
import { isoToSerial } from "../../src/core/mapping/dates";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { BEHAVIOUR_COLUMNS } from "../../src/core/layout/behaviour";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import { runInsertTemplate, runScoreAndTier } from "../../src/excel/actions";
import type { ActionResult } from "../../src/excel/notify";
import { applyPlan } from "../../src/xlsx/apply";
import { toCellValue } from "../../src/xlsx/cell-value";
import { readWorkbook } from "../../src/xlsx/file";
import { saveWorkbook } from "../../src/xlsx/save";
import { workbookSnapshot } from "../../src/xlsx/snapshot";
import { contentHash, installFake, NOW } from "../excel/fixtures";
import type { FakeExcel } from "../fake-excel/index";
import { key as cellKey } from "../fake-excel/state";
import { loadXlsx, runCliCapture, tmpDir, type CliRun } from "../helpers/workbooks";
import { runCliBounded, runScriptBounded, templateScript, type BoundedRun } from "./child-cli";
import { toExcelJs, toFake, toSnapshot, type NWorkbook } from "./model";

export const REF_ISO = "2026-06-30";
export const REF_SERIAL = isoToSerial(REF_ISO) as number;
export const LANGS: Lang[] = ["zh-CN", "en-US"];

// ---- messages ----

const TEMPLATES: { code: string; zh: string; en: string }[] = [
  ...Object.entries(MESSAGES).map(([code, l]) => ({ code, ...l })),
  ...Object.entries(ADOPT_MESSAGES).map(([code, l]) => ({ code, ...l })),
];

function templateRegex(t: string): RegExp {
  const parts = t.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*?")}$`);
}

/** The message code whose zh or en template the text is (placeholders filled in), or null. */
export function codeOfMessage(text: string, lang: Lang): string | null {
  for (const t of TEMPLATES) if (templateRegex(lang === "zh-CN" ? t.zh : t.en).test(text.trim())) return t.code;
  return null;
}

// ---- cell signatures ----

/** A cell as a person sees it: its type and value (a formula's text with its cached result). */
export type CellSig = string;
export type Cells = Map<string, CellSig>;

/** The text of a plain text cell, from its signature; null for anything else. */
function textOfSig(sig: CellSig): string | null {
  const m = /^(?:string|3):(".*")$/.exec(sig);
  if (!m) return null;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}

function excelJsSig(cell: ExcelJS.Cell): CellSig | null {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return null;
  return `${cell.type}:${JSON.stringify(v)}`;
}

/** Every non-empty cell of an ExcelJS workbook, keyed "sheet!A1". */
export function captureXlsx(wb: ExcelJS.Workbook): Cells {
  const out: Cells = new Map();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const s = excelJsSig(cell);
        if (s !== null) out.set(`${ws.name}!${cell.address}`, s);
      });
    });
  }
  return out;
}


/** Every non-empty cell of the fake, keyed "sheet!A1": type, value and formula. */
export function captureFake(fake: FakeExcel): Cells {
  const out: Cells = new Map();
  for (const s of fake.workbook.liveSheets()) {
    for (const [k, c] of s.cells) {
      if (c.value === "" && c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      out.set(`${s.name}!${a1(r, col)}`, `${typeof c.value}:${JSON.stringify(c.value)}${c.formula !== undefined ? ` f:${c.formula}` : ""}`);
    }
  }
  return out;
}

function splitKey(k: string): { sheet: string; row: number; col: number } {
  const i = k.lastIndexOf("!");
  const m = /^([A-Z]+)(\d+)$/.exec(k.slice(i + 1)) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: k.slice(0, i), row: Number(m[2]) - 1, col: col - 1 };
}

const OUTPUT_HEADERS = new Set([...CUSTOMER_COLUMNS, ...BEHAVIOUR_COLUMNS].filter((c) => c.output).flatMap((c) => [c.label.zh, c.label.en]));

/** Columns (per sheet) whose header, in the first rows, is one of our output columns: Score and tier's to write. */
function outputColumns(before: Cells): Map<string, { col: number; row: number }[]> {
  const out = new Map<string, { col: number; row: number }[]>();
  for (const [k, sig] of before) {
    const { sheet, row, col } = splitKey(k);
    if (row > 10) continue;
    const text = textOfSig(sig);
    if (text !== null && OUTPUT_HEADERS.has(text)) out.set(sheet, [...(out.get(sheet) ?? []), { col, row }]);
  }
  return out;
}

export interface CompareOptions {
  /** our computed sheets already in the input (a workbook already scored): rewritten by design */
  computedSheets?: string[];
  /** the ChangeLog sheet: rows are appended (its blank first row filled) by design */
  changeLogSheet?: string;
  /** generated 客户编号 the change log records, per sheet: new value → the old value logged */
  loggedIds?: Map<string, Map<string, CellValue>>;
  /** the action may write output columns (Score and tier) */
  outputs: boolean;
}

/**
 * Every input cell byte-identical afterwards: each non-empty cell keeps its type and value, and no
 * blank cell inside or below a person's data gets a value, except the logged generated IDs.
 * New cells to the right of a sheet's data (output columns Score and tier appends) are allowed.
 */
export function inputViolations(before: Cells, after: Cells, o: CompareOptions): string[] {
  const out: string[] = [];
  const computed = new Set(o.computedSheets ?? []);
  const outs = o.outputs ? outputColumns(before) : new Map<string, { col: number; row: number }[]>();
  const right = new Map<string, number>();
  for (const k of before.keys()) {
    const { sheet, col } = splitKey(k);
    right.set(sheet, Math.max(right.get(sheet) ?? -1, col));
  }
  const isOutput = (sheet: string, row: number, col: number) => (outs.get(sheet) ?? []).some((x) => x.col === col && row >= x.row);
  for (const [k, sig] of before) {
    const { sheet, row, col } = splitKey(k);
    if (computed.has(sheet) || isOutput(sheet, row, col)) continue;
    const now = after.get(k);
    if (now === sig) continue;
    // A generated ID over a blank-looking cell is allowed only when the log records what was there.
    const id = now === undefined ? null : textOfSig(now);
    const was = textOfSig(sig);
    const logged = id === null ? undefined : o.loggedIds?.get(sheet)?.get(id);
    if (was !== null && was.trim() === "" && logged !== undefined) {
      if (logged !== was) out.push(`${k}: ${sig} → ${now ?? "(blank)"}, but the change log records the old value as ${JSON.stringify(logged)}`);
      continue;
    }
    out.push(`${k}: ${sig} → ${now ?? "(blank)"}`);
  }
  for (const [k, sig] of after) {
    if (before.has(k)) continue;
    const { sheet, row, col } = splitKey(k);
    if (!right.has(sheet)) continue; // a sheet the action created
    if (computed.has(sheet) || sheet === o.changeLogSheet || isOutput(sheet, row, col)) continue;
    if (col > (right.get(sheet) as number)) continue; // a column appended at the right of the data
    const text = textOfSig(sig);
    const logged = text === null ? undefined : o.loggedIds?.get(sheet)?.get(text);
    if (logged === "") continue;
    if (logged !== undefined) {
      out.push(`${k}: (blank) → ${sig}, but the change log records the old value as ${JSON.stringify(logged)}`);
      continue;
    }
    out.push(`${k}: (blank) → ${sig}`);
  }
  return out;
}

// ---- what came out ----

export interface TierRow {
  id: string;
  name: string;
  tier: string;
  score: CellValue;
}

export interface LogRow {
  sheet: string;
  key: string;
  column: string;
  old: CellValue;
  new: CellValue;
}

/** The result of an action, read the same way from either shell. */
export interface View {
  shell: "xlsx" | "excel";
  sheetNames: string[];
  value: (sheet: string, address: string) => CellValue;
  /** the rows of a table (header row first), or null when the workbook has no such table */
  table: (name: string) => { sheet: string; rows: CellValue[][] } | null;
  tiers: TierRow[];
  changeLog: LogRow[];
  /** Customers output and input cells of the customer with this name, by header */
  customer: (name: string) => Record<string, CellValue> | null;
  /** every message the action gave (headline, notices, cell problems), joined by newlines */
  messages: string;
}

function tierLetter(v: CellValue): string {
  const m = /^(?:Tier )?([ABCD])(?:类)?$/.exec(String(v).trim());
  return m ? m[1] : "";
}

function buildView(shell: View["shell"], sheetNames: string[], value: View["value"], table: View["table"], messages: string): View {
  const tiersT = table("Tiers");
  const tiers: TierRow[] = tiersT
    ? tiersT.rows.slice(1).filter((r) => r.some((v) => v !== "")).map((r) => ({ id: String(r[0]), name: String(r[1]), tier: tierLetter(r[4]), score: r[3] }))
    : [];
  const logT = table("ChangeLog");
  const changeLog: LogRow[] = logT
    ? logT.rows.slice(1).filter((r) => r.some((v) => v !== "")).map((r) => ({ sheet: String(r[2]), key: String(r[3]), column: String(r[4]), old: r[5], new: r[6] }))
    : [];
  const customer = (name: string): Record<string, CellValue> | null => {
    for (const sheet of sheetNames) {
      for (let r = 0; r < 12; r++) {
        const headers: string[] = [];
        for (let c = 0; c < 260; c++) headers.push(String(value(sheet, a1(r, c))));
        if (!headers.includes("客户分层") && !headers.includes("Tier")) continue;
        const nameCol = headers.findIndex((h) => ["客户名称", "Customer name", "公司", "Company", "Name", "名称"].includes(h.trim()));
        if (nameCol < 0) continue;
        for (let row = r + 1; row < r + 400; row++) {
          if (String(value(sheet, a1(row, nameCol))).trim() === name) {
            const rec: Record<string, CellValue> = {};
            headers.forEach((h, c) => {
              if (h !== "" && !(h in rec)) rec[h] = value(sheet, a1(row, c));
            });
            return rec;
          }
        }
      }
    }
    return null;
  };
  return { shell, sheetNames, value, table, tiers, changeLog, customer, messages };
}

function xlsxView(wb: ExcelJS.Workbook, messages: string): View {
  const value = (sheet: string, address: string): CellValue => {
    const ws = wb.getWorksheet(sheet);
    return ws ? toCellValue(ws.getCell(address).value) : "";
  };
  const table = (name: string) => {
    for (const ws of wb.worksheets) {
      const t = ws.getTable(name) as unknown as { table?: { tableRef?: string; ref?: string } } | undefined;
      const ref = t?.table?.tableRef ?? t?.table?.ref;
      if (!ref) continue;
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      const c1 = ws.getColumn(m[1]).number;
      const c2 = ws.getColumn(m[3]).number;
      const rows: CellValue[][] = [];
      for (let r = Number(m[2]); r <= Number(m[4]); r++) {
        const line: CellValue[] = [];
        for (let c = c1; c <= c2; c++) line.push(toCellValue(ws.getRow(r).getCell(c).value));
        rows.push(line);
      }
      return { sheet: ws.name, rows };
    }
    return null;
  };
  return buildView("xlsx", wb.worksheets.map((w) => w.name), value, table, messages);
}

function fakeView(fake: FakeExcel, messages: string): View {
  const st = fake.workbook;
  const value = (sheet: string, address: string): CellValue => {
    const s = st.findSheet(sheet);
    if (!s) return "";
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return s.cells.get(cellKey(Number(m[2]) - 1, col - 1))?.value ?? "";
  };
  const table = (name: string) => {
    const t = st.findTable(name);
    if (!t) return null;
    return { sheet: t.sheet.name, rows: st.readGrid(t.sheet, t.rect, (c) => c?.value ?? "") };
  };
  return buildView("excel", st.sheetNames(), value, table, messages);
}

// ---- outcomes ----

export interface Refusal {
  /** the message code, when the message matched one */
  code: string | null;
  messages: Record<Lang, string>;
}

export interface Outcome {
  ok: boolean;
  refusal?: Refusal;
  view?: View;
  /** input cells that changed (must be empty) */
  violations: string[];
  /** for a refusal: true when the whole workbook (or file) is exactly as it was */
  unchanged: boolean;
}

export type Action = "template" | "score";

export interface RunOptions {
  computedSheets?: string[];
  /** Score and tier twice: the first run is set-up, the second must change no cell at all */
  rescore?: boolean;
  /** run the xlsx shell in a child process with these limits (inputs that can exhaust the test worker) */
  bounded?: { heapMb: number; timeoutMs: number };
  /** the reference date comes from the workbook's Settings (no --ref-date on the CLI) */
  settingsRefDate?: boolean;
}

function loggedIds(view: View): Map<string, Map<string, CellValue>> {
  const out = new Map<string, Map<string, CellValue>>();
  for (const e of view.changeLog) if (typeof e.new === "string") out.set(e.sheet, (out.get(e.sheet) ?? new Map<string, CellValue>()).set(e.new, e.old));
  return out;
}

function compare(before: Cells, after: Cells, view: View, action: Action, o: RunOptions): string[] {
  const log = view.table("ChangeLog");
  return inputViolations(before, after, { computedSheets: o.computedSheets, changeLogSheet: log?.sheet, loggedIds: loggedIds(view), outputs: action === "score" });
}

/** Every difference between two captures (for a re-run that must change nothing). */
export function exactDiff(before: Cells, after: Cells): string[] {
  const out: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) out.push(`${k}: ${v} → ${after.get(k) ?? "(blank)"}`);
  for (const [k, v] of after) if (!before.has(k)) out.push(`${k}: (blank) → ${v}`);
  return out;
}

/** The Office.js shell over the strict fake: runInsertTemplate / runScoreAndTier. */
export async function runExcel(n: NWorkbook, action: Action, o: RunOptions = {}): Promise<Outcome> {
  const run = (lang: Lang) => (action === "template" ? runInsertTemplate(lang, { now: NOW }) : runScoreAndTier(lang, { now: NOW }));
  const fake = installFake();
  toFake(n, fake);
  if (o.rescore && action === "score") {
    const setup = await run("zh-CN");
    if (!setup.ok) throw new Error(`first run failed: ${setup.message}`);
  }
  const before = captureFake(fake);
  const hash = contentHash(fake);
  const first: ActionResult = await run("zh-CN");
  if (first.ok) {
    const view = fakeView(fake, [first.message, ...first.details].join("\n"));
    const after = captureFake(fake);
    const violations = o.rescore && action === "score" ? [...exactDiff(before, after), ...(contentHash(fake) === hash ? [] : ["workbook state (formats, tables, charts…) changed"])] : compare(before, after, view, action, o);
    return { ok: true, view, violations, unchanged: false };
  }
  const second = await run("en-US");
  const messages = { "zh-CN": first.message, "en-US": second.message };
  const code = codeOfMessage(first.message, "zh-CN");
  const codeEn = codeOfMessage(second.message, "en-US");
  const after = captureFake(fake);
  const view = fakeView(fake, `${first.message}\n${second.message}`);
  return {
    ok: false,
    refusal: { code: code === codeEn ? code : `${code}/${codeEn}`, messages },
    view,
    violations: compare(before, after, view, action, o),
    unchanged: contentHash(fake) === hash,
  };
}

async function sha1(file: string): Promise<string> {
  return createHash("sha1").update(await readFile(file)).digest("hex");
}

function refusalOf(e: unknown): Refusal | null {
  if (typeof e === "object" && e !== null && "code" in e && "localized" in e && typeof (e as { localized: unknown }).localized === "function") {
    const err = e as { code: string; localized: (l: Lang) => string };
    return { code: err.code, messages: { "zh-CN": err.localized("zh-CN"), "en-US": err.localized("en-US") } };
  }
  return null;
}

/** The core alone, on the snapshot a shell would hand it: the plan, or the refusal it throws. */
export async function runCore(n: NWorkbook, action: Action, o: RunOptions = {}): Promise<{ ok: boolean; refusal?: Refusal; error?: unknown }> {
  const snapshot = toSnapshot(n);
  try {
    if (action === "template") insertTemplate(snapshot, "zh-CN");
    else {
      const settings = readSettings(snapshot);
      scoreAndTier(snapshot, settings, o.settingsRefDate ? (settings.referenceDate ?? REF_SERIAL) : REF_SERIAL, workbookLang(snapshot, "zh-CN"), "2026-06-30 12:00:00");
    }
    return { ok: true };
  } catch (e) {
    const r = refusalOf(e);
    if (!r) return { ok: false, error: e };
    return { ok: false, refusal: r };
  }
}

async function withEnvLang<T>(lang: string, f: () => Promise<T>): Promise<T> {
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  process.env.LC_ALL = lang;
  delete process.env.LC_MESSAGES;
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Save the case as a person's .xlsx file. */
export async function saveCase(n: NWorkbook): Promise<string> {
  const wb = await toExcelJs(n);
  const file = path.join(await tmpDir(), "in.xlsx");
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/**
 * The xlsx shell. Score and tier goes through the CLI (`score in.xlsx -o out.xlsx --json`); Insert
 * template has no CLI command for an existing file, so it goes through src/xlsx (read → core →
 * apply → save) as the CLI's own commands do.
 */
export async function runXlsx(n: NWorkbook, action: Action, o: RunOptions = {}): Promise<Outcome & { cli?: CliRun }> {
  let input = await saveCase(n);
  if (o.rescore && action === "score") {
    const first = path.join(path.dirname(input), "first.xlsx");
    const setup = await withEnvLang("zh_CN.UTF-8", () => runCliCapture(["score", input, "-o", first, "--ref-date", REF_ISO]));
    if (setup.code !== 0) throw new Error(`first run failed: ${setup.stderr}`);
    input = first;
  }
  const inputHash = await sha1(input);
  const before = captureXlsx(await loadXlsx(input));
  const out = path.join(path.dirname(input), "out.xlsx");
  if (o.bounded) return runXlsxBounded(input, out, before, action, o, o.bounded);
  if (action === "template") {
    const wb = await readWorkbook(input);
    try {
      const plan = insertTemplate(workbookSnapshot(wb), "zh-CN");
      applyPlan(wb, plan);
      await saveWorkbook(wb, out, [plan]);
    } catch (e) {
      const r = refusalOf(e);
      if (!r) throw e;
      return { ok: false, refusal: r, violations: [], unchanged: (await sha1(input)) === inputHash && !existsSync(out) };
    }
    const after = await loadXlsx(out);
    const view = xlsxView(after, "");
    return { ok: true, view, violations: compare(before, captureXlsx(after), view, action, o), unchanged: false };
  }
  const ref = o.settingsRefDate ? [] : ["--ref-date", REF_ISO];
  const cli = await withEnvLang("zh_CN.UTF-8", () => runCliCapture(["score", input, "-o", out, "--json", ...ref]));
  if (cli.code === 0) {
    const after = await loadXlsx(out);
    const view = xlsxView(after, cli.stderr);
    const violations = o.rescore ? exactDiff(before, captureXlsx(after)) : compare(before, captureXlsx(after), view, action, o);
    return { ok: true, view, cli, violations, unchanged: (await sha1(input)) === inputHash };
  }
  if (cli.code !== 1) throw new Error(`CLI exit ${cli.code}: ${cli.stderr}`);
  const zh = await runCliCapture(["score", input, "-o", out, ...ref, "--lang", "zh-CN"]);
  const en = await runCliCapture(["score", input, "-o", out, ...ref, "--lang", "en-US"]);
  const code = codeOfMessage(zh.stderr, "zh-CN");
  const codeEn = codeOfMessage(en.stderr, "en-US");
  return {
    ok: false,
    cli,
    refusal: { code: code === codeEn ? code : `${code}/${codeEn}`, messages: { "zh-CN": zh.stderr, "en-US": en.stderr } },
    violations: [],
    unchanged: (await sha1(input)) === inputHash && !existsSync(out),
  };
}

/** A file that is not a workbook, given to the CLI: exit code, messages in both languages, nothing written. */
export async function runCliOnFile(bytes: Buffer, fileName: string): Promise<{ code: number; refusal: Refusal; unchanged: boolean }> {
  const file = path.join(await tmpDir(), fileName);
  await writeFile(file, bytes);
  const out = path.join(path.dirname(file), "out.xlsx");
  const zh = await runCliCapture(["score", file, "-o", out, "--ref-date", REF_ISO, "--lang", "zh-CN"]);
  const en = await runCliCapture(["score", file, "-o", out, "--ref-date", REF_ISO, "--lang", "en-US"]);
  const code = codeOfMessage(zh.stderr, "zh-CN");
  const codeEn = codeOfMessage(en.stderr, "en-US");
  const same = Buffer.compare(await readFile(file), bytes) === 0;
  return { code: zh.code === en.code ? zh.code : -1, refusal: { code: code === codeEn ? code : `${code}/${codeEn}`, messages: { "zh-CN": zh.stderr, "en-US": en.stderr } }, unchanged: same && !existsSync(out) };
}

function describeBounded(r: BoundedRun, limits: { heapMb: number; timeoutMs: number }): string {
  if (r.timedOut) return `did not finish within ${limits.timeoutMs / 1000} s`;
  if (/heap out of memory|Allocation failed/.test(r.stderr)) return `ran out of memory (${limits.heapMb} MB heap) after ${(r.ms / 1000).toFixed(1)} s`;
  if (r.code === null) return `was killed by ${r.signal ?? "a signal"} after ${(r.ms / 1000).toFixed(1)} s`;
  return `exit ${r.code} after ${(r.ms / 1000).toFixed(1)} s: ${r.stderr.split("\n").slice(-3).join(" ").slice(0, 300)}`;
}

/** The xlsx shell in a child process, bounded in memory and time; a crash is reported as a refusal without a code. */
async function runXlsxBounded(input: string, out: string, before: Cells, action: Action, o: RunOptions, limits: { heapMb: number; timeoutMs: number }): Promise<Outcome> {
  const r = action === "template" ? runScriptBounded(templateScript(), [input, out], limits) : runCliBounded(["score", input, "-o", out, "--json", "--ref-date", REF_ISO], limits);
  if (r.code !== 0) {
    const text = `the xlsx shell ${describeBounded(r, limits)}`;
    return { ok: false, refusal: { code: null, messages: { "zh-CN": text, "en-US": text } }, violations: [], unchanged: !existsSync(out) };
  }
  const after = await loadXlsx(out);
  const view = xlsxView(after, r.stderr);
  return { ok: true, view, violations: compare(before, captureXlsx(after), view, action, o), unchanged: false };
}
