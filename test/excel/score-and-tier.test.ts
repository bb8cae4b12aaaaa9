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
  const run = await measured(fake, () => runScoreAndTier("zh-CN", { now: NOW }));
  return { fake, expected, inputs, run };
}

describe("Score and tier writes exactly what the core computes", () => {
  test.each([10, 5_000])("%i customers: outputs equal the core's plan, inputs unchanged, at most 4 requests", async (n) => {
    const { fake, expected, inputs, run } = await scoreCase(n);
    expect(run.value).toMatchObject({ ok: true });
    expect(run.value.counts.customers).toBe(n);
    expect(run.syncs).toBeLessThanOrEqual(4);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    expect(fake.workbook.sheet("分析汇总").charts().map((c) => c.name).sort()).toEqual(expected.plan.sheets.flatMap((s) => s.charts.map((c) => c.name)).sort());
  });

  /**
   * 10,000 demo customers carry 4.1 MB of values to read and 4.5 MB to write; 20,000 carry 8.2 MB
   * and 9.1 MB. With requests and answers kept under 4 MB, the least a run can use is 1 request for
   * names + ⌈read / 4 MB⌉ + ⌈write / 4 MB⌉ (+1 for positions, +1 for the first guess of a cell size): the count follows the payload, not the rows.
   */
  test.each([10_000, 20_000])("%i customers: requests follow the payload (≤ 4 MB each), outputs equal the core's", async (n) => {
    const { fake, expected, inputs, run } = await scoreCase(n);
    expect(run.value).toMatchObject({ ok: true });
    const start = fake.stats.requests.length - run.syncs;
    const read = fake.stats.responses.slice(start).reduce((a, r) => a + r.bytes, 0);
    const written = fake.stats.requests.slice(start).reduce((a, r) => a + r.bytes, 0);
    // names + positions + one request of slack for the first guess of a sheet's cell size
    expect(run.syncs).toBeLessThanOrEqual(3 + Math.ceil(read / MB4) + Math.ceil(written / MB4));
    expect(run.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    // eslint-disable-next-line no-console
    console.log(`${n}: ${run.syncs} requests, read ${read} bytes, wrote ${written} bytes, max request ${run.maxRequestBytes}`);
  });

  test("100,000 customers: every request and answer under 4 MB, outputs equal the core's", async () => {
    const { fake, expected, inputs, run } = await scoreCase(100_000);
    expect(run.value).toMatchObject({ ok: true });
    expect(run.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(Math.max(...fake.stats.responses.map((r) => r.bytes))).toBeLessThanOrEqual(MB4);
    expectPlanWritten(fake, expected.plan);
    expectInputs(fake, inputs);
    // eslint-disable-next-line no-console
    console.log(`100k: ${run.syncs} requests, max ${run.maxRequestBytes} bytes`);
  }, 300_000);
});
