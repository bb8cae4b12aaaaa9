import { readSettings } from "../../src/core/actions/read-settings";
import { scoreAndTier } from "../../src/core/actions/score-and-tier";
import { BEHAVIOUR_COLUMNS } from "../../src/core/layout/behaviour";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { rangeAddress } from "../../src/core/plan/a1";
import type { CellValue } from "../../src/core/plan/cells";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { runScoreAndTier } from "../../src/excel/actions";
import type { ShellSnapshot } from "../../src/excel/snapshot";
import type { FakeExcel } from "../fake-excel/index";
import { customerWorkbook, installFake, measured, NOW, REF, snapshotOf } from "./fixtures";

const MB4 = 4 * 1024 * 1024;
const NOW_TEXT = "2026-06-30 12:00:00";

/** Every cell of the three input tables, with the generated IDs the plan logs put in: what must be there after. */
function inputsAfter(shell: ShellSnapshot, plan: WorkbookPlan): Map<string, CellValue[][]> {
  const out = new Map<string, CellValue[][]>();
  for (const name of ["Customers", "Behaviour", "Interactions", "Settings", "Lists"]) {
    const t = shell.tables.find((x) => x.name === name);
    const sheet = shell.snapshot.sheets.find((s) => s.name === t?.sheet);
    if (!t || !sheet) continue;
    // Input columns come first in our tables; the outputs at their right are Score and tier's to write.
    const width = name === "Customers" ? CUSTOMER_COLUMNS.filter((c) => !c.output).length : name === "Behaviour" ? BEHAVIOUR_COLUMNS.filter((c) => !c.output).length : t.colCount;
    const grid: CellValue[][] = [];
    for (let r = t.row; r < t.row + t.rowCount; r++) {
      const line = sheet.values[r - sheet.originRow] ?? [];
      grid.push(Array.from({ length: width }, (_, j) => line[t.col + j - sheet.originCol] ?? ""));
    }
    if (name === "Customers") {
      for (const sp of plan.sheets.filter((s) => s.name === t.sheet)) {
        for (const w of sp.writes) if (w.values.length === 1 && w.values[0].length === 1 && w.col === t.col) grid[w.row - t.row][0] = w.values[0][0];
      }
    }
    out.set(`${t.sheet}!${rangeAddress({ row: t.row, col: t.col, rowCount: t.rowCount, colCount: width })}`, grid);
  }
  return out;
}

function expectInputs(fake: FakeExcel, inputs: Map<string, CellValue[][]>): void {
  for (const [where, grid] of inputs) {
    const [sheet, address] = where.split("!");
    expect(fake.workbook.sheet(sheet).values(address)).toEqual(grid);
  }
}

/** Every value the plan writes is in the fake's cells, exactly (outputs, Tiers, Summary). */
function expectPlanWritten(fake: FakeExcel, plan: WorkbookPlan): void {
  for (const sp of plan.sheets) {
    for (const w of sp.writes) {
      const address = rangeAddress({ row: w.row, col: w.col, rowCount: w.values.length, colCount: w.values[0].length });
      expect([sp.name, address, fake.workbook.sheet(sp.name).values(address)]).toEqual([sp.name, address, w.values]);
    }
  }
}

async function scoreCase(n: number) {
  const fake = installFake();
  await customerWorkbook(fake, n);
  const before = await snapshotOf(fake);
  const expected = scoreAndTier(before.snapshot, readSettings(before.snapshot), REF, "zh-CN", NOW_TEXT);
  const inputs = inputsAfter(before, expected.plan);
  const from = fake.stats.requests.length;
  const answered = fake.stats.responses.length;
  const run = await measured(fake, () => runScoreAndTier("zh-CN", { now: NOW }));
  const sent = fake.stats.requests.slice(from).reduce((a, r) => a + r.bytes, 0);
  const answers = fake.stats.responses.slice(answered).map((r) => r.bytes);
  const received = answers.reduce((a, b) => a + b, 0);
  return { fake, expected, inputs, run, sent, received, maxAnswer: Math.max(0, ...answers) };
}

describe("Score and tier writes exactly what the core computes", () => {
  /**
   * Sync budget (issue #3): ≤ 4 requests up to 20,000 customers, every request and answer ≤ 4 MB.
   * Request 1: the names with the first 16,000 Customers rows in the columns scoring needs
   * (read-names.ts); request 2: the rest of the needed columns; then the writes. Up to 10,000
   * customers the writes fit one request (3 in all).
   */
  test.each([
    [10, 3],
    [5_000, 3],
    [10_000, 3],
  ])("%i customers: outputs equal the core's plan, inputs unchanged, at most %i requests of ≤ 4 MB", async (n, most) => {
    const { fake, expected, inputs, run, maxAnswer } = await scoreCase(n);
    expect(run.value).toMatchObject({ ok: true });
    expect(run.value.counts.customers).toBe(n);
    expect(run.syncs).toBeLessThanOrEqual(most);
    expect(run.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(maxAnswer).toBeLessThanOrEqual(MB4);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    expect(fake.workbook.sheet("分析汇总").charts().map((c) => c.name).sort()).toEqual(expected.plan.sheets.flatMap((s) => s.charts.map((c) => c.name)).sort());
  }, 120_000);

  /**
   * 20,000 demo customers: 4 requests. The reads are ≈6.2 MB (2 answers); the plan's cell values
   * are ≈7.6 MB (the Tiers sheet ≈6.2 MB: 19 columns, the reasons and traits in Chinese), which
   * fits two 4 MB requests only because columns of long runs (the sorted tier, its name and its
   * action, a blank column) go as one value per run (apply.ts runColumns): without that they are
   * 9.1 MB, three requests.
   */
  test("20,000 customers: 4 requests of ≤ 4 MB, outputs equal the core's", async () => {
    const { fake, expected, inputs, run, sent, received, maxAnswer } = await scoreCase(20_000);
    expect(run.value).toMatchObject({ ok: true });
    expect(run.syncs).toBeLessThanOrEqual(4);
    expect(sent).toBeGreaterThan(MB4);
    expect(run.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(maxAnswer).toBeLessThanOrEqual(MB4);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    // eslint-disable-next-line no-console
    console.log(`20k: ${run.syncs} requests, read ${received} bytes, wrote ${sent} bytes, max request ${run.maxRequestBytes}, max answer ${maxAnswer}`);
  }, 300_000);

  test("100,000 customers: every request and answer under 4 MB, 19 requests at most, outputs equal the core's", async () => {
    const { fake, expected, inputs, run, sent, received, maxAnswer } = await scoreCase(100_000);
    expect(run.value).toMatchObject({ ok: true });
    expect(run.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(maxAnswer).toBeLessThanOrEqual(MB4);
    // ≈31 MB read (9 requests; 8 at best) and ≈38 MB written (10 requests, the least at 4 MB each).
    expect(run.syncs).toBeLessThanOrEqual(19);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    // eslint-disable-next-line no-console
    console.log(`100k: ${run.syncs} requests, read ${received} bytes, wrote ${sent} bytes, max request ${run.maxRequestBytes}, max answer ${maxAnswer}`);
  }, 600_000);
});
