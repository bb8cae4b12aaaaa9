/**
 * apply.ts sends a column of long runs (a sorted tier, its action, a blank column) as one value
 * per run. The cells must come out exactly as a full 2-D write leaves them: same values, same
 * number formats, text that must stay text kept as text.
 */
import type { CellValue } from "../../src/core/plan/cells";
import { emptySheetPlan, type WorkbookPlan } from "../../src/core/plan/types";
import { applyPlan } from "../../src/excel/apply";
import { readSnapshot } from "../../src/excel/snapshot";
import type { FakeExcel } from "../fake-excel/index";
import { installFake } from "./fixtures";

const ROWS = 400;

/** Column 0: distinct numbers; 1: runs of risky and plain text; 2: all blank; 3: runs of numbers under a format. */
function grid(): CellValue[][] {
  return Array.from({ length: ROWS }, (_, i) => [i * 1.5, i < 150 ? "=SUM(A1:A9)" : i < 300 ? "2024-03-15" : "普通", "", i < 200 ? 7 : 8.25]);
}

function planOf(values: CellValue[][]): WorkbookPlan {
  const sheet = emptySheetPlan("Out", true);
  sheet.writes.push({ row: 1, col: 1, kind: "values", values, numberFormats: ["0.0", "General", "@", "0.00"] });
  return { action: "scoreAndTier", lang: "zh-CN", sheets: [sheet], changeLog: [] };
}

async function apply(fake: FakeExcel, plan: WorkbookPlan, blockBytes?: number): Promise<number[]> {
  const before = fake.stats.requests.length;
  await fake.Excel.run(async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    const shell = await readSnapshot(context);
    await applyPlan(context, plan, shell, blockBytes ? { blockBytes } : {});
  });
  return fake.stats.requests.slice(before + 2).map((r) => r.bytes);
}

function cells(fake: FakeExcel) {
  const s = fake.workbook.sheet("Out");
  return Array.from({ length: ROWS }, (_, i) =>
    Array.from({ length: 4 }, (_, j) => {
      const c = s.cell(`${String.fromCharCode(66 + j)}${i + 2}`);
      return { value: c.value, formula: c.formula ?? null, format: c.numberFormat };
    }),
  );
}

describe("value writes: columns of long runs go as one value per run", () => {
  test("cells, formats and text-as-text are as a cell-by-cell write leaves them; the request is smaller", async () => {
    const values = grid();
    const fake = installFake();
    const bytes = await apply(fake, planOf(values));
    const got = cells(fake);
    got.forEach((row, i) => {
      expect(row.map((c) => c.value)).toEqual(values[i]);
      expect(row.every((c) => c.formula === null)).toBe(true);
    });
    // The risky texts are text ("@"), the plain run keeps the plan's format, numbers keep theirs.
    expect(got[0][1].format).toBe("@");
    expect(got[200][1].format).toBe("@");
    expect(got[350][1].format).toBe("General");
    expect(got.map((r) => r[0].format)).toEqual(new Array(ROWS).fill("0.0"));
    expect(got.map((r) => r[2].format)).toEqual(new Array(ROWS).fill("@"));
    expect(got.map((r) => r[3].format)).toEqual(new Array(ROWS).fill("0.00"));

    // Same cells as the same values written row by row (writes that short are sent whole).
    const other = installFake();
    const byRow = planOf([]);
    byRow.sheets[0].writes = values.map((r, i) => ({ row: 1 + i, col: 1, kind: "values" as const, values: [r], numberFormats: ["0.0", "General", "@", "0.00"] }));
    await apply(other, byRow);
    expect(cells(other)).toEqual(got);

    // Columns 1–3 went as 3 + 1 + 2 values, not 1,200 cells: far fewer bytes than column 0's 400 numbers.
    const sent = bytes.reduce((a, b) => a + b, 0);
    expect(sent).toBeLessThan(ROWS * 8 + 6_000);
  });

  test("short writes and columns of many short runs are sent whole", async () => {
    const fake = installFake();
    const short = grid().slice(0, 20);
    await apply(fake, planOf(short));
    const mixed = Array.from({ length: ROWS }, (_, i) => [i, String(i % 7), "", i]);
    await apply(fake, planOf(mixed));
    const s = fake.workbook.sheet("Out");
    expect(s.values(`B2:E${ROWS + 1}`)).toEqual(mixed);
  });
});
