/**
 * Tables saved without <tableStyleInfo> (LibreOffice writes none). ExcelJS 4.4.0 loads them with
 * no style and used to throw when writing the workbook back ("Cannot read properties of null
 * (reading 'theme')"): score on the in-memory path, clean, mask and undo-clean all exited 3.
 * src/xlsx/file.ts gives such tables an empty style info, which is how they look in Excel.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { loadXlsx, onWritePath, runCliCapture, tmpDir } from "../helpers/workbooks";

const STYLE_INFO = /<tableStyleInfo\b[^>]*\/>/;

async function tableXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)?.async("string");
    const table = xml?.match(/<table\b[^>]*\bname="([^"]+)"/)?.[1];
    if (xml && table) out.set(table, xml);
  }
  return out;
}

/** A small demo workbook whose tables carry no <tableStyleInfo>, as LibreOffice saves them. */
async function unstyledDemo(): Promise<string> {
  const dir = await tmpDir();
  const made = path.join(dir, "demo.xlsx");
  const demo = await runCliCapture(["demo", made, "--ref-date", "2026-06-30"]);
  expect(demo.code).toBe(0);
  const zip = await JSZip.loadAsync(await readFile(made));
  let stripped = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    if (STYLE_INFO.test(xml)) stripped++;
    zip.file(name, xml.replace(STYLE_INFO, ""));
  }
  expect(stripped).toBeGreaterThan(3);
  const file = path.join(dir, "unstyled.xlsx");
  await writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

describe("tables without <tableStyleInfo> (as LibreOffice saves them)", () => {
  let input: string;
  beforeAll(async () => {
    input = await unstyledDemo();
  }, 120_000);

  test.each([
    ["score (in memory)", ["score", "--ref-date", "2026-06-30"], true],
    ["clean", ["clean"], true],
    // the masked copy is a new file of masked values: it carries none of the input's tables
    ["mask", ["mask"], false],
  ])("%s writes the workbook; the user's tables stay unstyled", async (_label, args, keepsTables) => {
    const out = path.join(path.dirname(input), `out-${args[0]}.xlsx`);
    const run = await onWritePath("memory", () => runCliCapture([args[0], input, "-o", out, ...args.slice(1)]));
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining("Internal error")]);
    const tables = await tableXml(out);
    // Customers was unstyled and stays so: a style info without a name, nothing banded.
    if (keepsTables) expect(tables.get("Customers")).toMatch(/<tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"\/>/);
    const wb = await loadXlsx(out);
    expect(wb.worksheets.length).toBeGreaterThan(keepsTables ? 4 : 0);
  }, 120_000);
});
