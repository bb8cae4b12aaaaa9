/** Fake workbooks as people fill them, for the Office.js shell's tests. */
import { createHash } from "node:crypto";
import { demoData } from "../../src/cli/demo-data";
import { isoToSerial } from "../../src/core/mapping/dates";
import type { CellValue } from "../../src/core/plan/cells";
import { readSnapshot, type ShellSnapshot } from "../../src/excel/snapshot";
import { applyWritten, interpretInput } from "../fake-excel/cells";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from "../fake-excel/index";

export const REF_ISO = "2026-06-30";
export const REF = isoToSerial(REF_ISO) as number;
/** The clock the actions run with in tests (local time, so todaySerial(NOW) === REF). */
export const NOW = new Date(2026, 5, 30, 12, 0, 0);

/** A fresh fake Excel, installed as the globals Excel, Office and OfficeExtension. */
export function installFake(options: FakeExcelOptions = {}): FakeExcel {
  const fake = createFakeExcel({ displayLanguage: "zh-CN", ...options });
  fake.install(globalThis);
  return fake;
}

/**
 * Type rows into an existing table from its first data row, as a person (or a paste) would: each
 * cell parsed as typed input in the number format of the table's first data row (tables carry
 * their column formats down as they grow), and the table grown to hold them.
 */
export function typeIntoTable(fake: FakeExcel, tableName: string, rows: CellValue[][]): void {
  const st = fake.workbook;
  const t = st.findTable(tableName);
  if (!t) throw new Error(`no table ${tableName}`);
  const formats = Array.from({ length: t.rect.cols }, (_, j) => st.cellFor(t.sheet, t.rect.row + 1, t.rect.col + j).numberFormat);
  rows.forEach((line, i) => {
    for (let j = 0; j < t.rect.cols; j++) {
      const cell = st.cellFor(t.sheet, t.rect.row + 1 + i, t.rect.col + j);
      cell.numberFormat = formats[j];
      const w = interpretInput(line[j] ?? "", cell.numberFormat);
      if (w) applyWritten(cell, w);
    }
  });
  t.rect = { ...t.rect, rows: Math.max(2, rows.length + 1) };
}

export function demo(n: number) {
  return demoData(REF, n, 7);
}

/** A template workbook (inserted through the shell) holding n demo customers with behaviour and interactions. */
export async function customerWorkbook(fake: FakeExcel, n: number): Promise<void> {
  const { runInsertTemplate } = await import("../../src/excel/actions");
  const r = await runInsertTemplate("zh-CN", { now: NOW });
  if (!r.ok) throw new Error(r.message);
  const d = demo(n);
  typeIntoTable(fake, "Customers", d.customers);
  typeIntoTable(fake, "Behaviour", d.behaviour);
  typeIntoTable(fake, "Interactions", d.interactions);
}

/** Read a snapshot through the shell (uses requests: take stats after it). */
export async function snapshotOf(fake: FakeExcel): Promise<ShellSnapshot> {
  return fake.Excel.run((ctx) => readSnapshot(ctx as unknown as Excel.RequestContext));
}

/** Every cell value and formula of the given sheets' input areas, as one string to compare. */
export function digest(fake: FakeExcel, cells: { sheet: string; address: string }[]): string {
  return cells
    .map(({ sheet, address }) => {
      const v = fake.workbook.sheet(sheet).values(address);
      return `${sheet}!${address}=${JSON.stringify(v)}`;
    })
    .join("\n");
}

/** Sync count and largest request of what `f` does. */
export async function measured<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ value: T; syncs: number; maxRequestBytes: number }> {
  const before = fake.stats.requests.length;
  const value = await f();
  const reqs = fake.stats.requests.slice(before);
  return { value, syncs: reqs.length, maxRequestBytes: Math.max(0, ...reqs.map((r) => r.bytes)) };
}

/**
 * The fake's state hash, computed like `workbook.hash()` from `workbook.toJSON()` but with SHA-1:
 * `hash()` hashes the JSON char by char and takes ~30 s per call under jest on a template workbook
 * (≈50 MB of JSON: validation on 5,000 template rows), while the same loop takes 0.2 s in plain node.
 */
export function stateHash(fake: FakeExcel): string {
  return createHash("sha1").update(JSON.stringify(fake.workbook.toJSON())).digest("hex");
}

/** The state hash without the fake's internal object ids (a failed run advances its id counter; nothing a person sees). */
export function contentHash(fake: FakeExcel): string {
  const text = JSON.stringify(fake.workbook.toJSON(), (k, v: unknown) => (k === "id" && typeof v === "string" && /^(cf|chart)\{\d+\}$/.test(v) ? undefined : v));
  return createHash("sha1").update(text).digest("hex");
}
