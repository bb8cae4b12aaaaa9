/** Both write paths of `score` on one input, compared cell by cell (tests of the streaming path). */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { readSettings } from "../../src/core/actions/read-settings";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { applyPlan } from "../../src/xlsx/apply";
import { readWorkbook } from "../../src/xlsx/file";
import { saveWorkbook } from "../../src/xlsx/save";
import { workbookSnapshot } from "../../src/xlsx/snapshot";
import { packageShape, readPackage, savePlanAsPatch } from "../../src/xlsx/stream";
import { cellValues, loadXlsx, tablesOf } from "../helpers/workbooks";

const REF = isoToSerial("2024-06-30") as number;
const NOW = "2024-06-30 12:00:00";

function score(snapshot: WorkbookSnapshot) {
  return scoreAndTier(snapshot, readSettings(snapshot), REF, "zh-CN", NOW);
}

async function inMemory(input: string, out: string): Promise<WorkbookSnapshot> {
  const wb = await readWorkbook(input);
  const snapshot = workbookSnapshot(wb);
  const { plan } = score(snapshot);
  applyPlan(wb, plan);
  await saveWorkbook(wb, out, [plan]);
  return snapshot;
}

async function streamed(input: string, out: string): Promise<WorkbookSnapshot> {
  const { zip, snapshot } = await readPackage(input);
  const { plan } = score(snapshot);
  await savePlanAsPatch(zip, packageShape(snapshot), plan, out);
  return snapshot;
}

interface Dv {
  type: string;
  formulae?: unknown[];
}

export async function chartCount(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
}

/**
 * The streaming path on `input` and the in-memory path on `reference` (the same file unless a
 * test compares, say, a LibreOffice-saved copy with its original); every sheet compared.
 */
export async function expectSameOutput(input: string, reference = input): Promise<{ memory: string; stream: string }> {
  const dir = path.dirname(input);
  const memory = path.join(dir, `${path.basename(input, ".xlsx")}.memory.xlsx`);
  const stream = path.join(dir, `${path.basename(input, ".xlsx")}.stream.xlsx`);
  const snapA = await inMemory(reference, memory);
  const snapB = await streamed(input, stream);
  // the order of a sheet's table parts is not content (LibreOffice writes them in its own order)
  const norm = (x: WorkbookSnapshot) => ({ ...x, tableNames: [...x.tableNames].sort(), sheets: x.sheets.map((sh) => ({ ...sh, tables: [...sh.tables].sort((p, q) => p.name.localeCompare(q.name)) })) });
  expect(norm(snapB)).toEqual(norm(snapA));

  const [a, b, given] = [await loadXlsx(memory), await loadXlsx(stream), await loadXlsx(input)];
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name) as ExcelJS.Worksheet;
    expect([wa.name, Object.fromEntries(cellValues(b, wa.name))]).toEqual([wa.name, Object.fromEntries(cellValues(a, wa.name))]);
    const tables = (w: ExcelJS.Workbook) => tablesOf(w, wa.name).map((t) => ({ name: t.name, ref: t.tableRef, columns: t.columns.map((c) => c.name) })).sort((x, y) => x.name.localeCompare(y.name));
    expect(tables(b)).toEqual(tables(a));
    const cfs = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length;
    expect([wa.name, cfs(wb)]).toEqual([wa.name, cfs(wa)]);
    const dvs = (w: ExcelJS.Worksheet) => Object.keys((w as unknown as { dataValidations: { model: Record<string, Dv> } }).dataValidations.model).length;
    // validation is the input's, kept as it was (score adds none)
    const before = given.getWorksheet(wa.name);
    expect([wa.name, dvs(wb)]).toEqual([wa.name, before ? dvs(before) : dvs(wa)]);
  }
  expect(b.views[0]?.activeTab).toBe(a.views[0]?.activeTab);
  expect(await chartCount(stream)).toBe(await chartCount(memory));
  return { memory, stream };
}

