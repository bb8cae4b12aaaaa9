/**
 * Every file the CLI writes stands on its own in a real spreadsheet application: LibreOffice opens
 * it headless and prints it, keeps its charts, values and validation through its own save as
 * .xlsx. Covers both write paths of `score` (in memory, and the large-file streaming patch) and
 * the streaming `clean` (its archive sheet written new, with validation) and `undo-clean` (the
 * archive emptied in place).
 * The demo's Summary page is rendered to test-output/libreoffice/demo-summary.png to look at.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeCliInput } from "../../src/bench/cli";
import { cellValues, loadXlsx, onWritePath, runCliCapture, tmpDir, type WritePath } from "../helpers/workbooks";
import { expectSameOutput } from "../stream/same-output";
import { convertWithLibreOffice, itWithLibreOffice, pdfText, renderPdfToPng } from "../xlsx-charts/libreoffice";

const OUT = join(__dirname, "..", "..", "test-output", "libreoffice");
const REF = ["--ref-date", "2024-06-30"];

interface Written {
  file: string;
  customers: string;
  tiers: string | null;
  charts: boolean;
}

const files = new Map<string, Written>();
let work = "";
let small = "";

async function cli(argv: string[], path?: WritePath): Promise<void> {
  const run = path ? await onWritePath(path, () => runCliCapture(argv)) : await runCliCapture(argv);
  if (run.code !== 0) throw new Error(`customer-insight ${argv.join(" ")}: ${run.stderr}`);
}

async function chartParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
}

interface Dv {
  type: string;
  formulae?: string[];
}

function validations(wb: ExcelJS.Workbook, sheet: string): Record<string, Dv> {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return (ws as unknown as { dataValidations: { model: Record<string, Dv> } }).dataValidations.model;
}

beforeAll(async () => {
  // conversions happen in a temporary directory: only the PNG to look at goes to test-output
  mkdirSync(OUT, { recursive: true });
  const dir = await tmpDir();
  work = dir;
  const at = (n: string) => join(dir, n);
  await cli(["template", at("template-zh.xlsx"), "--lang", "zh-CN"]);
  files.set("template zh-CN", { file: at("template-zh.xlsx"), customers: "客户信息", tiers: null, charts: false });
  await cli(["template", at("template-en.xlsx"), "--lang", "en-US"]);
  files.set("template en-US", { file: at("template-en.xlsx"), customers: "Customers", tiers: null, charts: false });
  await cli(["demo", at("demo.xlsx"), ...REF]);
  files.set("demo", { file: at("demo.xlsx"), customers: "客户信息", tiers: "客户分层", charts: true });
  small = at("small.xlsx");
  await writeCliInput(200, small);
  await cli(["score", at("small.xlsx"), "-o", at("small.scored.xlsx"), ...REF], "memory");
  files.set("score (in memory)", { file: at("small.scored.xlsx"), customers: "客户信息", tiers: "客户分层", charts: true });
  await writeCliInput(2000, at("large.xlsx"));
  await cli(["score", at("large.xlsx"), "-o", at("large.scored.xlsx"), ...REF], "stream");
  files.set("score (streaming, 2,000 customers)", { file: at("large.scored.xlsx"), customers: "客户信息", tiers: "客户分层", charts: true });
  await cli(["clean", at("large.scored.xlsx"), "-o", at("large.cleaned.xlsx")], "stream");
  files.set("clean (streaming, 2,000 customers)", { file: at("large.cleaned.xlsx"), customers: "客户信息", tiers: "客户分层", charts: true });
  await cli(["undo-clean", at("large.cleaned.xlsx"), "-o", at("large.undone.xlsx")], "stream");
  files.set("undo-clean (streaming, 2,000 customers)", { file: at("large.undone.xlsx"), customers: "客户信息", tiers: "客户分层", charts: true });
}, 300_000);

const NAMES = ["template zh-CN", "template en-US", "demo", "score (in memory)", "score (streaming, 2,000 customers)", "clean (streaming, 2,000 customers)", "undo-clean (streaming, 2,000 customers)"];

describe.each(NAMES)("%s", (name) => {
  const get = (): Written => files.get(name) as Written;
  const slug = name.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "");

  itWithLibreOffice("opens headless and prints to PDF pages", async () => {
    const pdf = await convertWithLibreOffice(get().file, "pdf", join(work, slug));
    const pngs = await renderPdfToPng(pdf, join(work, slug, "page"), 20);
    expect(pngs.length).toBeGreaterThan(0);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(200);
  });

  itWithLibreOffice("keeps its charts, values and industry validation through a LibreOffice save as .xlsx", async () => {
    const w = get();
    const saved = await convertWithLibreOffice(w.file, "xlsx", join(work, slug, "roundtrip"));
    if (w.charts) {
      expect((await chartParts(w.file)).length).toBeGreaterThan(0);
      expect((await chartParts(saved)).length).toBe((await chartParts(w.file)).length);
    }
    const [before, after] = [await loadXlsx(w.file), await loadXlsx(saved)];
    for (const sheet of [w.customers, ...(w.tiers ? [w.tiers] : [])]) {
      expect([sheet, Object.fromEntries(cellValues(after, sheet))]).toEqual([sheet, Object.fromEntries(cellValues(before, sheet))]);
    }
    // the industry column (C) keeps its list validation, pointing at the Lists table on Settings
    const industry = Object.entries(validations(after, w.customers)).filter(([addr, dv]) => /^C\d+$/.test(addr) && dv.type === "list");
    expect(industry.length).toBeGreaterThan(0);
    expect(String(industry[0][1].formulae?.[0])).toMatch(/设置|Settings/);
  });
});

itWithLibreOffice("the demo's Summary prints landscape, one page wide, with its charts drawn", async () => {
  const demo = files.get("demo") as Written;
  const pdf = await convertWithLibreOffice(demo.file, "pdf", join(work, "summary"));
  const pages = (await pdfText(pdf)).split("\f");
  const index = pages.findIndex((p) => p.replace(/\s+/g, "").includes("客户分析汇总"));
  expect(index).toBeGreaterThanOrEqual(0);
  // chart titles are drawn text on the Summary page
  const words = pages[index].replace(/\s+/g, "");
  for (const title of ["客户分层占比", "各行业客户数"]) expect(words).toContain(title);
  const pngs = await renderPdfToPng(pdf, join(work, "summary", "page"), 70);
  const png = join(OUT, "demo-summary.png");
  copyFileSync(pngs[index], png);
  expect(statSync(png).size).toBeGreaterThan(20_000);
}, 180_000);

// The streaming path's output for the saved copy is compared with the in-memory output for the
// original (the in-memory path on a LibreOffice-saved copy: test/cli/unstyled-tables.test.ts).
itWithLibreOffice("a workbook LibreOffice saved (its own shared strings, styles and tables) scores as its original does", async () => {
  const saved = await convertWithLibreOffice(small, "xlsx", join(await tmpDir(), "lo-saved"));
  await expectSameOutput(saved, small);
}, 180_000);
