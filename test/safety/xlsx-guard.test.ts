/**
 * The pre-load guard (src/xlsx/guard) against ExcelJS 4.4.0's load-time denial-of-service CVEs
 * (docs/dependency-review.md, "exceljs 4.4.0"): every crafted workbook — a workbook ExcelJS wrote,
 * one XML part edited with JSZip (test/corpus/crafted.ts) — is refused through the CLI entry
 * point with exit 1, a message in zh-CN and en-US naming the file, the part and what is out of
 * bounds, the input byte-identical and no output written; on the in-memory path (ExcelJS) and
 * on the streaming path alike. A real file with a whole-column validation still goes through,
 * and so does every file the CLI itself writes.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { MESSAGES, type MessageCode } from "../../src/core/i18n/messages";
import type { Lang } from "../../src/core/plan/cells";
import { checkBeforeLoad } from "../../src/xlsx/guard";
import { MAX_VALIDATION_CELLS } from "../../src/xlsx/guard/limits";
import { areaOf, definedNameRanges, expandedByExcelJs } from "../../src/xlsx/guard/refs";
import { readPackage } from "../../src/xlsx/stream";
import { CRAFTS, SHEET, withZipBomb, type Craft } from "../corpus/crafted";
import { seed001Workbook } from "../helpers/seed001";
import { loadXlsx, onWritePath, runCliCapture, tmpDir, type CliRun, type WritePath } from "../helpers/workbooks";

const LANGS: Lang[] = ["zh-CN", "en-US"];
const REF = ["--ref-date", "2024-06-30"];

/** Seed 001 as ExcelJS writes it: a scorable workbook every crafted file starts from. */
async function baseWorkbook(): Promise<Buffer> {
  return Buffer.from(await seed001Workbook().xlsx.writeBuffer());
}

async function edited(base: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const file = zip.file(part);
  zip.file(part, edit(file ? await file.async("string") : ""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function saved(bytes: Buffer, fileName: string): Promise<string> {
  const file = path.join(await tmpDir(), fileName);
  await writeFile(file, bytes);
  return file;
}

const sha1 = async (file: string): Promise<string> => createHash("sha1").update(await readFile(file)).digest("hex");

/** Does `text` read as message `code` in `lang` (placeholders filled with anything)? */
function isMessage(text: string, code: MessageCode, lang: Lang): boolean {
  const t = lang === "zh-CN" ? MESSAGES[code].zh : MESSAGES[code].en;
  const parts = t.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*?")}$`).test(text.trim());
}

type Path = WritePath;

/** The CLI in process, on one path (CUSTOMER_INSIGHT_XLSX_PATH), with `args` before the file. */
async function cli(command: string, input: string, lang: Lang, via: Path): Promise<{ run: CliRun; out: string }> {
  const out = path.join(path.dirname(input), `out-${command}-${via}-${lang}.xlsx`);
  return { run: await onWritePath(via, () => runCliCapture([command, input, "-o", out, "--lang", lang, ...REF])), out };
}

/** Refused in both languages: exit 1, the message, naming file and part and quoting the culprit; nothing written. */
async function expectRefused(input: string, code: MessageCode, part: string, quotes: string, command = "score", via: Path = "memory"): Promise<void> {
  const before = await sha1(input);
  for (const lang of LANGS) {
    const { run, out } = await cli(command, input, lang, via);
    expect([lang, via, run.code]).toEqual([lang, via, 1]);
    expect([lang, via, isMessage(run.stderr, code, lang), run.stderr]).toEqual([lang, via, true, run.stderr]);
    expect(run.stderr).toContain(path.basename(input));
    expect(run.stderr).toContain(quotes);
    expect(run.stderr).toContain(part);
    expect(existsSync(out)).toBe(false);
  }
  expect(await sha1(input)).toBe(before);
}

describe("crafted workbooks are refused before ExcelJS or the streaming reader reads them", () => {
  let base: Buffer;
  beforeAll(async () => {
    base = await baseWorkbook();
  });

  describe.each(CRAFTS.map((c) => [c.name, c] as const))("%s", (_name, c: Craft) => {
    let input: string;
    beforeAll(async () => {
      input = await saved(await edited(base, c.part, c.edit), c.fileName);
    });

    test(`score, in-memory path (ExcelJS): exit 1, ${c.refused} in zh-CN and en-US, input untouched, no output`, async () => {
      await expectRefused(input, c.refused as MessageCode, c.part, c.quotes);
    });

    test("score, streaming path: the same refusal", async () => {
      await expectRefused(input, c.refused as MessageCode, c.part, c.quotes, "score", "stream");
    });
  });

  describe("CVE-2026-78206: a zip bomb (a sheet of 80 MB deflated to 80 KB, its header saying 4 KB)", () => {
    let input: string;
    beforeAll(async () => {
      input = await saved(withZipBomb(base, SHEET, 80), "zip-bomb.xlsx");
    });

    test("score on both paths: exit 1, unsafeWorkbookSize, stopped at 64 MB unpacked", async () => {
      await expectRefused(input, "unsafeWorkbookSize", SHEET, "64 MB");
      await expectRefused(input, "unsafeWorkbookSize", SHEET, "64 MB", "score", "stream");
    });
  });

  test("a 1 GB bomb (1 MB on disk) is refused as fast: inflating stops at the limit, on both paths", async () => {
    const input = await saved(withZipBomb(base, SHEET, 1024), "gigabyte.xlsx");
    const t = Date.now();
    await expectRefused(input, "unsafeWorkbookSize", SHEET, "MB");
    await expectRefused(input, "unsafeWorkbookSize", SHEET, "MB", "score", "stream");
    expect(Date.now() - t).toBeLessThan(30_000);
  });

  test.each(["clean", "mask", "undo-clean"])("%s: the same guard (every command reads through it)", async (command) => {
    const c = CRAFTS.find((x) => x.fileName === "whole-merge.xlsx") as Craft;
    const input = await saved(await edited(base, c.part, c.edit), `${command}-${c.fileName}`);
    await expectRefused(input, "unsafeWorkbookArea", c.part, c.quotes, command);
  });

  test("a merge count past 10,000 on one sheet (ExcelJS compares every merge with every earlier one)", async () => {
    const merges = Array.from({ length: 10_001 }, (_, i) => `<mergeCell ref="H${2 * i + 10}:I${2 * i + 10}"/>`).join("");
    const input = await saved(await edited(base, SHEET, (x) => x.replace("</sheetData>", `</sheetData><mergeCells count="10001">${merges}</mergeCells>`)), "many-merges.xlsx");
    await expectRefused(input, "unsafeWorkbookMerges", SHEET, "10,001");
  });

  test("a <mergeCells> hidden behind a <sheetData> start faked in a comment is still found", async () => {
    const input = await saved(
      await edited(base, SHEET, (x) => x.replace("<sheetData>", `<!-- <sheetData> --><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>`)),
      "faked-start.xlsx",
    );
    await expectRefused(input, "unsafeWorkbookArea", SHEET, "");
  });
});

describe("real files go through", () => {
  test("a list with one whole-column validation (A2:A1048576 style, as Excel writes it) is scored on both paths", async () => {
    const dv = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="M2:M1048576"><formula1>"甲,乙,丙"</formula1></dataValidation></dataValidations>`;
    const input = await saved(await edited(await baseWorkbook(), SHEET, (x) => x.replace("</sheetData>", `</sheetData>${dv}`)), "whole-column.xlsx");
    for (const via of ["memory", "stream"] as const) {
      const { run, out } = await cli("score", input, "en-US", via);
      expect([via, run.code, run.stderr]).toEqual([via, 0, expect.stringContaining("Written")]);
      expect(existsSync(out)).toBe(true);
    }
  }, 300_000); // ExcelJS itself expands and writes back the million validated cells: 8 s idle, a minute on busy cores

  test("four whole-column validations pass; a fifth column is refused, and the message says why it can be normal", async () => {
    const sqref = (n: number) => Array.from({ length: n }, (_, i) => `${String.fromCharCode(77 + i)}1:${String.fromCharCode(77 + i)}1048576`).join(" ");
    const withColumns = async (n: number) => saved(await edited(await baseWorkbook(), SHEET, (x) => x.replace("</sheetData>", `</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="${sqref(n)}"><formula1>0</formula1></dataValidation></dataValidations>`)), `columns-${n}.xlsx`);
    const four = await withColumns(4);
    await expect(checkBeforeLoad(four, await readFile(four))).resolves.toBeUndefined();
    const five = await withColumns(5);
    const { run } = await cli("score", five, "en-US", "memory");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(MAX_VALIDATION_CELLS.toLocaleString("en-US"));
    expect(run.stderr).toContain("validation on whole columns");
    const zh = await cli("score", five, "zh-CN", "memory");
    expect(zh.run.stderr).toContain("整列设置数据验证");
  });

  test("every file the CLI writes passes the guard on both readers", async () => {
    const dir = await tmpDir();
    const files: string[] = [];
    const run = async (argv: string[], file: string) => {
      const r = await runCliCapture(argv);
      expect([argv.join(" "), r.code, r.stderr]).toEqual([argv.join(" "), 0, expect.anything()]);
      files.push(file);
    };
    const f = (name: string) => path.join(dir, name);
    await run(["template", f("template-zh.xlsx"), "--lang", "zh-CN"], f("template-zh.xlsx"));
    await run(["template", f("template-en.xlsx"), "--lang", "en-US"], f("template-en.xlsx"));
    await run(["demo", f("demo.xlsx"), ...REF], f("demo.xlsx"));
    await onWritePath("memory", () => run(["score", f("demo.xlsx"), "-o", f("scored-memory.xlsx"), ...REF], f("scored-memory.xlsx")));
    await onWritePath("stream", () => run(["score", f("demo.xlsx"), "-o", f("scored-stream.xlsx"), ...REF], f("scored-stream.xlsx")));
    await run(["clean", f("scored-memory.xlsx"), "-o", f("cleaned.xlsx")], f("cleaned.xlsx"));
    await run(["mask", f("scored-stream.xlsx"), "-o", f("masked.xlsx")], f("masked.xlsx"));
    await run(["undo-clean", f("cleaned.xlsx"), "-o", f("undone.xlsx")], f("undone.xlsx"));
    for (const file of files) {
      await expect(checkBeforeLoad(file, await readFile(file))).resolves.toBeUndefined();
      await expect(readPackage(file)).resolves.toMatchObject({ snapshot: expect.anything() });
      expect((await loadXlsx(file)).worksheets.length).toBeGreaterThan(0);
    }
  }, 300_000);
});

describe("ranges are counted as ExcelJS expands them", () => {
  test.each([
    ["A1:XFD1048576", 16_384 * 1_048_576],
    ["A2:A1048576", 1_048_575],
    ["$B$3:$A$1", 6], // ends in either order
    ["Sheet1!$C$2:$C$11", 10],
    ["'My sheet'!A1:B2", 4],
    ["A1", 1],
    ["A:A", 1], // no rows: ExcelJS's loops do not run
    ["1:5", 1],
    ["A0:B5", 1], // a top row of 0 is falsy to ExcelJS
  ])("%s → %d cells", (ref, cells) => {
    expect(areaOf(ref).cells).toBe(cells);
  });

  test("out-of-grid ends are reported", () => {
    expect(areaOf("A1:A2000000000")).toMatchObject({ maxRow: 2_000_000_000, maxCol: 1 });
    expect(areaOf("A1:XFE1")).toMatchObject({ maxCol: 16_385 });
  });

  test("defined-name text is split as ExcelJS splits it, quoted sheet names with commas kept whole", () => {
    expect(definedNameRanges("'a,b'!$A$1:$B$2,Sheet2!$C$3")).toEqual(["'a,b'!$A$1:$B$2", "Sheet2!$C$3"]);
    expect(definedNameRanges("OFFSET(Sheet1!$A$1:$A$1048576,0,0)")).toEqual(["OFFSET(Sheet1!$A$1:$A$1048576", "0", "0)"]);
    expect(expandedByExcelJs("OFFSET(Sheet1!$A$1:$A$1048576")).toBe(true); // a range inside a formula is expanded too
    expect(expandedByExcelJs("Sheet1!A1:B2")).toBe(false); // relative refs are not
  });

  test("ExcelJS itself: the validation model holds exactly the counted cells", async () => {
    const sqref = "B2:C4 E5 G1:G2";
    const bytes = await edited(await baseWorkbook(), SHEET, (x) => x.replace("</sheetData>", `</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="${sqref}"><formula1>1</formula1></dataValidation></dataValidations>`));
    const wb = await loadXlsx(await saved(bytes, "count.xlsx"));
    const ws = wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } };
    const counted = sqref.split(" ").reduce((n, r) => n + areaOf(r).cells, 0);
    expect(Object.keys(ws.dataValidations.model)).toHaveLength(counted);
  });
});
