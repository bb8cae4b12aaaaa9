/** Small builders for workbooks as people make them, and a CLI runner that captures its output. */
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/run";
import type { CellValue } from "../../src/core/plan/cells";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { toCellValue } from "../../src/xlsx/cell-value";
import { workbookSnapshot } from "../../src/xlsx/snapshot";

export type Cell = string | number | boolean | Date | null;

/** One worksheet per entry, rows from A1 as plain ranges (no tables); null leaves a cell empty. */
export function workbookFrom(sheets: Record<string, Cell[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((line, r) => {
      line.forEach((v, c) => {
        if (v !== null) ws.getRow(r + 1).getCell(c + 1).value = v;
      });
    });
  }
  return wb;
}

/** Turn a range already holding headers and rows into an Excel table (ListObject) named `name`. */
export function withTable(wb: ExcelJS.Workbook, sheet: string, name: string, ref: string): ExcelJS.Workbook {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  const c1 = ws.getColumn(m[1]).number;
  const r1 = Number(m[2]);
  const c2 = ws.getColumn(m[3]).number;
  const r2 = Number(m[4]);
  const headers: string[] = [];
  for (let c = c1; c <= c2; c++) headers.push(String(toCellValue(ws.getRow(r1).getCell(c).value)));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = r1 + 1; r <= r2; r++) {
    const line: ExcelJS.CellValue[] = [];
    for (let c = c1; c <= c2; c++) line.push(ws.getRow(r).getCell(c).value);
    rows.push(line);
  }
  ws.addTable({
    name,
    displayName: name,
    ref: `${m[1]}${r1}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
  return wb;
}

/** A fresh temporary directory (under the OS temp dir, never in the repo). */
export async function tmpDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "ci-test-"));
}

/** Write the workbook to a temporary .xlsx and return its path. */
export async function saveTmp(wb: ExcelJS.Workbook, fileName = "in.xlsx"): Promise<string> {
  const file = path.join(await tmpDir(), fileName);
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI's two ways of writing a file (src/cli/write-path.ts). */
export type WritePath = "memory" | "stream";

/** `body` with the CLI forced onto one write path (CUSTOMER_INSIGHT_XLSX_PATH), the setting restored after. */
export async function onWritePath<T>(path: WritePath, body: () => Promise<T>): Promise<T> {
  const saved = process.env.CUSTOMER_INSIGHT_XLSX_PATH;
  process.env.CUSTOMER_INSIGHT_XLSX_PATH = path;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.CUSTOMER_INSIGHT_XLSX_PATH;
    else process.env.CUSTOMER_INSIGHT_XLSX_PATH = saved;
  }
}

/** Run the CLI in process; stdout and stderr are the lines it wrote, joined by newlines. */
export async function runCliCapture(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return workbookSnapshot(wb);
}

/** A sheet's cell values (Office.js shape: dates as serials) keyed by A1 address, empty cells left out. */
export function cellValues(wb: ExcelJS.Workbook, sheet: string): Map<string, CellValue> {
  const ws = wb.getWorksheet(sheet);
  const out = new Map<string, CellValue>();
  if (!ws) return out;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = toCellValue(cell.value);
      if (v !== "") out.set(cell.address, v);
    });
  });
  return out;
}

/** The value of one cell, Office.js shape. */
export function valueAt(wb: ExcelJS.Workbook, sheet: string, address: string): CellValue {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return toCellValue(ws.getCell(address).value);
}

/** Header texts of a row, left to right up to the last non-empty cell. */
export function rowTexts(wb: ExcelJS.Workbook, sheet: string, row: number): string[] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = String(toCellValue(cell.value));
  });
  return Array.from(out, (v) => v ?? "");
}

/** The column (1-based) whose header in `row` is `header`, or throws. */
export function columnOf(wb: ExcelJS.Workbook, sheet: string, header: string, row = 1): number {
  const i = rowTexts(wb, sheet, row).indexOf(header);
  if (i < 0) throw new Error(`no header ${header} on ${sheet} row ${row}`);
  return i + 1;
}

/** Loaded table models as ExcelJS keeps them (its typings omit `table`). */
export interface TableModel {
  name: string;
  tableRef: string;
  columns: { name: string }[];
}

export function tablesOf(wb: ExcelJS.Workbook, sheet: string): TableModel[] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return (ws.getTables() as unknown as { table: TableModel }[]).map((t) => t.table);
}
