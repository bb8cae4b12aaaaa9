/**
 * Score and tier reads only what it needs (core/actions/score-reads.ts): the plan from that part
 * of a workbook is the plan from the whole workbook, and the shell's projected read hands the
 * core exactly that part.
 */
import { scoreAndTierNeeds } from "../../src/core/actions/score-reads";
import type { CellValue, Lang } from "../../src/core/plan/cells";
import type { WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { runScoreAndTier } from "../../src/excel/actions";
import type { FakeExcel } from "../fake-excel/index";
import { customerWorkbook, demo, installFake, measured, NOW, snapshotOf } from "./fixtures";
import { namesOf, needsOf, outcomeOf, project, projectedRead, scramble } from "./projection-model";

const LANG: Lang = "zh-CN";

/** Grids and tables only (the shell snapshot also carries positions and charts). */
function sheetsOf(s: WorkbookSnapshot) {
  return s.sheets.map((x) => ({ name: x.name, originRow: x.originRow, originCol: x.originCol, values: x.values, tables: x.tables }));
}

type Options = NonNullable<Parameters<typeof projectedRead>[2]>;

/** The default read, and one past the rows read with the names with small answers (many requests). */
const VARIANTS: Options[] = [{}, { leadRows: 3, responseBudget: 5_000 }];

/** The three checks on one workbook: projection = model, model's plan = full plan, scrambled = full plan. */
async function expectProjectionExact(fake: FakeExcel, variants: Options[] = VARIANTS): Promise<void> {
  const full = (await snapshotOf(fake)).snapshot;
  const needs = needsOf(full, LANG);
  const model = project(full, needs);
  for (const options of variants) {
    const read = await projectedRead(fake, LANG, options);
    expect([options, sheetsOf(read.snapshot)]).toEqual([options, sheetsOf(model)]);
  }
  const want = outcomeOf(full, LANG);
  expect(outcomeOf(model, LANG)).toEqual(want);
  for (const seed of [1, 2]) expect(outcomeOf(scramble(full, needs, seed), LANG)).toEqual(want);
}

function sheetValues(fake: FakeExcel, sheet: string, address: string): CellValue[][] {
  return fake.workbook.sheet(sheet).values(address);
}

/** Set cells of a sheet by state, as typed (no request). */
function setCells(fake: FakeExcel, sheet: string, at: [number, number], rows: CellValue[][]): void {
  const st = fake.workbook;
  const s = st.requireSheet(sheet);
  rows.forEach((line, i) => line.forEach((v, j) => {
    st.cellFor(s, at[0] + i, at[1] + j).value = v;
  }));
}

/** A demo workbook of n customers and its Customers table's state. */
async function customersOf(n: number) {
  const fake = installFake();
  await customerWorkbook(fake, n);
  const t = fake.workbook.findTable("Customers");
  if (!t) throw new Error("no Customers");
  return { fake, t };
}

describe("what Score and tier needs of each sheet", () => {
  test("template workbook: input tables by column, Tiers and Summary by shape, the rest in full", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 10);
    const needs = scoreAndTierNeeds(namesOf((await snapshotOf(fake)).snapshot), LANG);
    const kinds = Object.fromEntries([...needs].map(([k, v]) => [k, v.kind]));
    expect(kinds).toEqual({ 客户信息: "columns", 客户行为: "columns", 互动记录: "columns", 客户分层: "shape", 分析汇总: "shape", 设置: "all", 变更日志: "all" });
    const customers = needs.get("客户信息");
    if (customers?.kind !== "columns") throw new Error("Customers by column");
    // 15 of 33 columns: the key fields, the scored figures, what the summary counts, the kept notes.
    expect(customers.tables[0].columns.map((c) => c.def.id)).toEqual(["id", "name", "industry", "contact", "title", "mobile", "email", "startDate", "demandType", "lastContact", "grade", "priority", "needMatch", "likelihood", "possibleDuplicate"]);
    const interactions = needs.get("互动记录");
    if (interactions?.kind !== "columns") throw new Error("Interactions by column");
    expect(interactions.tables[0].columns.map((c) => c.def.id)).toEqual(["customerId", "date", "demandType"]);
  });
});

describe("the plan from the projected read is the plan from the whole workbook", () => {
  test("demo workbook, 40 customers; and again after a first run (Tiers, Summary and outputs filled)", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 40);
    await expectProjectionExact(fake);
    expect((await runScoreAndTier(LANG, { now: NOW })).ok).toBe(true);
    await expectProjectionExact(fake);
  });

  test("rows blank in every needed column but not elsewhere, blank rows, trailing blank table rows, errors, notes beside the table", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 40);
    const t = fake.workbook.findTable("Customers");
    if (!t) throw new Error("no Customers");
    const width = t.rect.cols;
    const line = (over: Record<number, CellValue>) => Array.from({ length: width }, (_, j) => over[j] ?? "");
    // Row 5: only a note in 沟通内容摘要 (col 19) and a revenue (col 6): a customer without a name, still a row.
    // Row 7: nothing at all. Row 9: only an error in an unread column.
    setCells(fake, "客户信息", [t.rect.row + 5, t.rect.col], [line({ 19: "只有备注", 6: 12 })]);
    setCells(fake, "客户信息", [t.rect.row + 7, t.rect.col], [line({})]);
    setCells(fake, "客户信息", [t.rect.row + 9, t.rect.col], [line({ 11: "#N/A" })]);
    setCells(fake, "客户信息", [t.rect.row + 12, t.rect.col + 23], [["#DIV/0!"]]);
    // Five blank rows at the table's end, and notes right of it and below it.
    t.rect = { ...t.rect, rows: t.rect.rows + 5 };
    setCells(fake, "客户信息", [0, t.rect.col + width + 2], [["备注"], ["右侧"]]);
    setCells(fake, "客户信息", [t.rect.row + t.rect.rows + 3, 0], [["表下方的说明"]]);
    // Past the rows read with the names, and with tiny answers: column blocks and whole-row reads in requests of their own.
    await expectProjectionExact(fake, [{}, { leadRows: 3 }, { leadRows: 2, responseBudget: 3_000 }, { leadRows: 0 }]);
  });

  test("a list of our own: title above, synonyms, shuffled and duplicated headers, Behaviour beside Customers, no Interactions", async () => {
    const fake = installFake();
    const d = demo(30);
    // Customers columns picked and shuffled by position in the demo rows.
    const pick = [1, 0, 9, 19, 2, 7, 8, 17, 22, 1, 13, 23, 24, 6];
    const headers = ["公司名称", "编号", "联系电话", "备注", "行业", "联系人", "职务", "最近联系时间", "优先级", "客户名称", "需求", "匹配度", "合作意向", "年营收"];
    const rows = d.customers.map((r) => pick.map((j) => r[j] ?? ""));
    fake.workbook.addSheet("客户信息", [["客户清单（2026）"]]);
    setCells(fake, "客户信息", [2, 1], [headers, ...rows]);
    const behaviour = d.behaviour.slice(0, 40).map((r) => [r[0], r[1], r[2], r[4], r[5], "看这里"]);
    setCells(fake, "客户信息", [3, 1 + headers.length + 1], behaviour);
    setCells(fake, "客户信息", [2, 1 + headers.length + 1], [["客户编号", "统计周期", "购买频次", "购买金额", "最近购买日期", "我的备注"]]);
    fake.workbook.addTable("客户信息", `B3:O${3 + rows.length}`, "Customers");
    fake.workbook.addTable("客户信息", `Q3:V${3 + behaviour.length}`, "Behaviour");
    await expectProjectionExact(fake);
  });

  test("Summary name taken by a person's sheet: the same refusal", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 20);
    const s = fake.workbook.requireSheet("分析汇总");
    fake.workbook.cellFor(s, 0, 0).value = "我的汇总";
    fake.workbook.cellFor(s, 4, 3).value = 42;
    await expectProjectionExact(fake);
    expect(outcomeOf((await snapshotOf(fake)).snapshot, LANG)).toEqual({ refused: "sheetNameTaken" });
  });

  test("a plain list (no tables): everything read in full, the guess at the Customers table costs one request", async () => {
    const fake = installFake();
    const d = demo(15);
    fake.workbook.addSheet("客户信息", [["客户编号", "客户名称", "联系人", "最近沟通时间", "跟进优先级", "沟通内容摘要"], ...d.customers.map((r) => [r[0], r[1], r[7], r[17], r[22], r[19]])]);
    await expectProjectionExact(fake);
    const run = await measured(fake, () => runScoreAndTier(LANG, { now: NOW }));
    expect(run.value.ok).toBe(true);
    // names guessed (fails: no table) + names + values + one write
    expect(run.syncs).toBe(4);
  });

  test("a totals row under Customers, a person's table on the Interactions sheet", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 25);
    const t = fake.workbook.findTable("Customers");
    if (!t) throw new Error("no Customers");
    t.showTotals = true;
    t.rect = { ...t.rect, rows: t.rect.rows + 1 };
    const it = fake.workbook.findTable("Interactions");
    if (!it) throw new Error("no Interactions");
    setCells(fake, it.sheet.name, [0, it.rect.col + it.rect.cols + 1], [["我的表"], ["a"], ["b"]]);
    fake.workbook.addTable(it.sheet.name, `${String.fromCharCode(65 + it.rect.col + it.rect.cols + 1)}1:${String.fromCharCode(65 + it.rect.col + it.rect.cols + 1)}3`, "Mine");
    const needs = needsOf((await snapshotOf(fake)).snapshot, LANG);
    expect(needs.get(it.sheet.name)?.kind).toBe("all");
    await expectProjectionExact(fake);
  });

  test("10,000 demo customers", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 10_000);
    await expectProjectionExact(fake, [{}]);
  }, 300_000);

  test("20,000 demo customers; and with all of them asked for with the names", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 20_000);
    await expectProjectionExact(fake, [{}, { leadRows: 20_000 }]);
  }, 300_000);

  test("rows asked for with the names that make the answer pass 5 MB are asked for again without", async () => {
    const { fake, t } = await customersOf(2_000);
    // Names of 1,000 characters (3 KB each in UTF-8): 2,000 of them are 6 MB.
    for (let i = 1; i < t.rect.rows; i++) fake.workbook.cellFor(t.sheet, t.rect.row + i, t.rect.col + 1).value = `客户${i}`.padEnd(1_000, "长");
    const failed = fake.stats.requests.length;
    const read = await projectedRead(fake, LANG);
    // the guess (refused: answer too big), the names alone, then the values
    expect(read.syncs).toBe(fake.stats.requests.length - failed);
    expect(read.syncs).toBeGreaterThanOrEqual(4);
    await expectProjectionExact(fake, [{}]);
  }, 300_000);

  test("a Customers table whose columns are not where the template puts them: the guessed rows are dropped, the read still exact", async () => {
    const { fake, t } = await customersOf(30);
    // Swap 客户名称 and 细分行业 (header and cells): the guess reads the wrong columns.
    const st = fake.workbook;
    for (let i = 0; i < t.rect.rows; i++) {
      const a = st.cellFor(t.sheet, t.rect.row + i, t.rect.col + 1);
      const b = st.cellFor(t.sheet, t.rect.row + i, t.rect.col + 3);
      [a.value, b.value] = [b.value, a.value];
    }
    await expectProjectionExact(fake);
  }, 120_000);

  test("a Customers table narrower than the template (no columns right of 合作可能性): the guess past its edge is empty, the read exact", async () => {
    const { fake, t } = await customersOf(30);
    t.rect = { ...t.rect, cols: 25 };
    await expectProjectionExact(fake);
  }, 120_000);
});

describe("sheet values after a projected read are untouched", () => {
  test("reading changes nothing", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 12);
    const before = sheetValues(fake, "客户信息", "A1:AG13");
    await projectedRead(fake, LANG);
    expect(sheetValues(fake, "客户信息", "A1:AG13")).toEqual(before);
  });
});
