import { MESSAGES } from "../../src/core/i18n/messages";
import { runInsertTemplate, runScoreAndTier } from "../../src/excel/actions";
import { contentHash, customerWorkbook, installFake, NOW, stateHash, typeIntoTable } from "./fixtures";
import { demo } from "./fixtures";
import type { FakeExcel } from "../fake-excel/index";

/** Every cell in the workbook, with its formula if it has one. */
function cells(fake: FakeExcel): { address: string; value: unknown; formula?: string; numberFormat: string }[] {
  const json = fake.workbook.toJSON() as { sheets: { cells: { address: string; value: unknown; formula?: string; numberFormat: string }[] }[] };
  return json.sheets.flatMap((s) => s.cells);
}

describe("errors leave the workbook as it was, with a clear message", () => {
  test("an Excel without ExcelApi 1.8: excelTooOld, no request sent", async () => {
    const fake = installFake({ apiVersion: "1.7" });
    fake.workbook.addSheet("Sheet1", [["x"]]);
    const hash = stateHash(fake);
    for (const run of [runInsertTemplate, runScoreAndTier]) {
      const r = await run("zh-CN", { now: NOW });
      expect(r).toMatchObject({ ok: false, message: MESSAGES.excelTooOld.zh.replace("{version}", "1.8") });
    }
    expect(fake.stats.syncs).toBe(0);
    expect(stateHash(fake)).toBe(hash);
  });

  test("a protected Customers sheet: Score and tier says so and changes nothing", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 20);
    fake.workbook.protect("客户信息");
    const hash = stateHash(fake);
    const r = await runScoreAndTier("en-US", { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(MESSAGES.sheetProtected.en.replace("{sheet}", "客户信息"));
    expect(stateHash(fake)).toBe(hash);
  });

  test("a protected sheet Insert template would write to", async () => {
    const fake = installFake();
    fake.workbook.addSheet("设置");
    fake.workbook.protect("设置");
    const hash = stateHash(fake);
    const r = await runInsertTemplate("zh-CN", { now: NOW });
    expect(r).toMatchObject({ ok: false, message: MESSAGES.sheetProtected.zh.replace("{sheet}", "设置") });
    expect(stateHash(fake)).toBe(hash);
  });

  test("a sheet named like ours holding something else", async () => {
    const fake = installFake();
    fake.workbook.addSheet("客户信息", [["Q1 budget", 1200], ["Q2 budget", 900]]);
    const hash = stateHash(fake);
    const r = await runInsertTemplate("zh-CN", { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("客户信息");
    expect(r.message).toBe(MESSAGES.sheetNameTaken.zh.replace("{sheet}", "客户信息").replace("{table}", "Customers"));
    expect(stateHash(fake)).toBe(hash);
  });

  test("a table name already taken by someone else's table", async () => {
    const fake = installFake();
    fake.workbook.addSheet("Orders", [["Order", "Amount"], ["A-1", 3]]);
    fake.workbook.addTable("Orders", "A1:B2", "Customers");
    const hash = stateHash(fake);
    const r = await runInsertTemplate("en-US", { now: NOW });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(MESSAGES.tableNameTaken.en.replace("{table}", "Customers").replace("{sheet}", "Orders"));
    expect(stateHash(fake)).toBe(hash);
  });
});

describe("text that came from user data stays text (no formula injection)", () => {
  test("names and summaries starting with = + - @ are text in every cell we write", async () => {
    const fake = installFake();
    await customerWorkbook(fake, 0);
    const d = demo(12);
    const hostile = ['=HYPERLINK("http://evil.example","click")', "+1", "@SUM(A1)", "-2+3", "'quoted", "0012345"];
    // Typed into the text-formatted template table (as a person pasting text would get them).
    d.customers.forEach((row, i) => {
      if (i < hostile.length) row[1] = hostile[i];
      row[19] = hostile[(i + 1) % hostile.length];
    });
    d.customers[7][0] = "";
    // Name and summary columns formatted as Text, so the hostile strings are what a person typed.
    const t = fake.workbook.findTable("Customers");
    if (!t) throw new Error("no Customers table");
    for (const col of [1, 19]) fake.workbook.cellFor(t.sheet, 1, col).numberFormat = "@";
    typeIntoTable(fake, "Customers", d.customers);
    for (const n of [1, 2] as const) {
      const r = await runScoreAndTier("zh-CN", { now: NOW });
      expect([n, r.ok, r.message]).toEqual([n, true, expect.any(String)]);
    }
    // No cell anywhere became a formula.
    expect(cells(fake).filter((c) => c.formula !== undefined)).toEqual([]);
    // The Tiers sheet shows the names verbatim, as text.
    const tierNames = fake.workbook.sheet("客户分层").values("B2:B13").map((r) => r[0]);
    for (const h of ['=HYPERLINK("http://evil.example","click")', "+1", "@SUM(A1)", "-2+3"]) expect(tierNames).toContain(h);
    // The generated ID and its change-log row are text (leading digits kept, not numbers).
    const log = fake.workbook.sheet("变更日志").values("A2:G2")[0];
    expect(typeof log[3]).toBe("string");
    expect(typeof log[6]).toBe("string");
    expect(log[0]).toBe("2026-06-30 12:00:00");
  });
});

describe("interrupted work: an Excel request failing at any point", () => {
  test("Insert template: every request failing once, then a second run completes the same workbook", async () => {
    const clean = installFake();
    await runInsertTemplate("zh-CN", { now: NOW });
    const syncs = clean.stats.syncs;
    const want = stateHash(clean);
    for (let k = 1; k <= syncs; k++) {
      const fake = installFake({ failOnRequest: k });
      const empty = stateHash(fake);
      const first = await runInsertTemplate("zh-CN", { now: NOW });
      expect([k, first.ok]).toEqual([k, false]);
      expect(stateHash(fake)).toBe(empty);
      const second = await runInsertTemplate("zh-CN", { now: NOW });
      expect([k, second.ok]).toEqual([k, true]);
      expect(stateHash(fake)).toBe(want);
    }
  });

  test("Score and tier (with blocks and several write requests): error reported, second run completes, inputs kept", async () => {
    // Small request and answer budgets force the multi-request paths on a small workbook.
    const options = { now: NOW, read: { responseBudget: 60_000 }, apply: { requestBudget: 80_000, blockBytes: 30_000 } };
    const n = 300;
    const clean = installFake();
    await customerWorkbook(clean, n);
    const setup = clean.stats.syncs;
    expect((await runScoreAndTier("zh-CN", options)).ok).toBe(true);
    const syncs = clean.stats.syncs - setup;
    const want = contentHash(clean);
    const inputs = clean.workbook.sheet("客户信息").values(`A1:Y${n + 1}`);
    expect(syncs).toBeGreaterThan(4);
    for (let k = 1; k <= syncs; k++) {
      // The fake counts requests from its creation: fail the k-th request of the action.
      const fake = installFake({ failOnRequest: setup + k });
      await customerWorkbook(fake, n);
      const first = await runScoreAndTier("zh-CN", options);
      expect([k, first.ok]).toEqual([k, false]);
      expect(first.message).toMatch(/Excel/);
      const second = await runScoreAndTier("zh-CN", options);
      expect([k, second.ok]).toEqual([k, true]);
      // Inputs as the clean run left them (which already holds the generated IDs), and the same workbook.
      expect(fake.workbook.sheet("客户信息").values(`A1:Y${n + 1}`)).toEqual(inputs);
      expect([k, contentHash(fake)]).toEqual([k, want]);
    }
  });
});

describe("change log", () => {
  test("a list without our template: generated IDs are written and logged in a ChangeLog the same run creates", async () => {
    const fake = installFake();
    fake.workbook.addSheet("客户信息", [
      ["客户编号", "客户名称", "联系人", "最近沟通时间", "跟进优先级"],
      ["", "华信机械有限公司", "张三", 46150, "高"],
      ["", "=cmd|' /C calc'!A0", "李四", 46160, "中"],
    ]);
    fake.workbook.addTable("客户信息", "A1:E3", "Customers");
    const r = await runScoreAndTier("zh-CN", { now: NOW });
    expect([r.ok, r.message]).toEqual([true, expect.any(String)]);
    const ids = fake.workbook.sheet("客户信息").values("A2:A3").map((x) => x[0]);
    expect(ids.every((v) => typeof v === "string" && /^\d{7}$/.test(v))).toBe(true);
    const logSheet = fake.workbook.sheetNames().find((n) => n === "变更日志");
    expect(logSheet).toBeDefined();
    const t = fake.workbook.sheet("变更日志").tables()[0];
    expect(t.name).toBe("ChangeLog");
    const rows = fake.workbook.sheet("变更日志").values("A2:G3");
    expect(rows.map((x) => x[6])).toEqual(ids);
    expect(t.address).toBe("变更日志!A1:G3");
  });
});
