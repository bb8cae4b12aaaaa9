/**
 * Insert template (SPEC §2): adds every sheet and table the workbook lacks, and nothing else.
 * Idempotent; never touches user data; refuses sheets and tables of ours that hold someone else's data.
 */
import ExcelJS from "exceljs";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { InsightError } from "../../src/core/i18n/messages";
import { TABLES, headerOf } from "../../src/core/layout/sheets";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { applyPlan } from "../../src/xlsx/apply";
import { type Cell, cellValues, loadXlsx, saveTmp, snapshotOf, tablesOf, valueAt, withTable, workbookFrom } from "../helpers/workbooks";

const ZH_SHEETS = ["客户信息", "客户行为", "互动记录", "客户分层", "分析汇总", "设置", "变更日志"];

function allValues(wb: ExcelJS.Workbook): Record<string, [string, unknown][]> {
  const out: Record<string, [string, unknown][]> = {};
  for (const ws of wb.worksheets) out[ws.name] = [...cellValues(wb, ws.name)].sort(([a], [b]) => a.localeCompare(b));
  return out;
}

function planIsEmpty(plan: WorkbookPlan): void {
  for (const sp of plan.sheets) {
    expect([sp.name, sp.writes, sp.tables, sp.validations, sp.formats, sp.clear]).toEqual([sp.name, [], [], [], [], []]);
  }
  expect(plan.changeLog).toEqual([]);
}

function insightCode(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof InsightError) return e.code;
    throw e;
  }
}

describe("into an empty workbook: the whole layout", () => {
  test("seven sheets and seven tables", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
    expect(snapshotOf(wb).tableNames.sort()).toEqual(["Behaviour", "ChangeLog", "Customers", "Interactions", "Lists", "Settings", "Tiers"]);
  });

  test("the plan writes no change log (nothing a person typed is changed)", () => {
    expect(insertTemplate(snapshotOf(new ExcelJS.Workbook()), "en-US").changeLog).toEqual([]);
  });
});

describe("idempotent: a second Insert template changes nothing", () => {
  test("in memory: the second plan has no writes, tables or validations; values unchanged", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const before = allValues(wb);
    const second = insertTemplate(snapshotOf(wb), "zh-CN");
    planIsEmpty(second);
    applyPlan(wb, second);
    expect(allValues(wb)).toEqual(before);
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
  });

  test("through a saved file: reopened, the second plan is empty too", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const reopened = await loadXlsx(await saveTmp(wb));
    const before = allValues(reopened);
    const second = insertTemplate(snapshotOf(reopened), "zh-CN");
    planIsEmpty(second);
    applyPlan(reopened, second);
    const again = await loadXlsx(await saveTmp(reopened));
    expect(allValues(again)).toEqual(before);
    expect(snapshotOf(again).tableNames.sort()).toEqual(snapshotOf(reopened).tableNames.sort());
  });

  test("in the other language: a Chinese workbook stays Chinese, nothing added", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const second = insertTemplate(snapshotOf(wb), "en-US");
    planIsEmpty(second);
    expect(second.sheets.map((s) => s.name)).toEqual(ZH_SHEETS);
  });
});

describe("part of the layout present: only what is missing is added, user data untouched", () => {
  const userRows: Cell[][] = [
    ["客户编号", "客户名称", "手机", "我的备注"],
    ["2024001", "科技有限公司", "13812345678", "=不是公式"],
    ["2024002", "YY制造有限公司", "139 1234 5678", "老客户"],
  ];
  function partial(): ExcelJS.Workbook {
    return withTable(workbookFrom({ 客户信息: userRows }), "客户信息", "Customers", "A1:D3");
  }

  test("missing sheets are added; the existing one keeps its place", () => {
    const wb = partial();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(ZH_SHEETS);
  });

  test("every cell the person typed is as it was", () => {
    const wb = partial();
    const plan = insertTemplate(snapshotOf(wb), "zh-CN");
    applyPlan(wb, plan);
    userRows.forEach((line, r) =>
      line.forEach((v, c) => {
        expect(valueAt(wb, "客户信息", `${String.fromCharCode(65 + c)}${r + 1}`)).toBe(v);
      }),
    );
  });

  test("no write of the plan touches the person's cells", () => {
    const plan = insertTemplate(snapshotOf(partial()), "zh-CN");
    const customers = plan.sheets.find((s) => s.name === "客户信息");
    // the person's cells are A1:D3 (rows 0–2, columns 0–3)
    for (const w of customers?.writes ?? []) {
      const overlaps = w.row <= 2 && w.row + w.values.length - 1 >= 0 && w.col <= 3 && w.col + (w.values[0]?.length ?? 1) - 1 >= 0;
      expect(overlaps).toBe(false);
    }
    // nor is any of them restyled (fills, fonts) by the template
    for (const f of customers?.formats ?? []) {
      const r = f.range;
      const overlaps = r.row <= 2 && r.row + r.rowCount - 1 >= 0 && r.col <= 3 && r.col + r.colCount - 1 >= 0;
      expect(overlaps && (f.fill !== undefined || f.bold !== undefined || f.fontColor !== undefined)).toBe(false);
    }
  });

  test("the Customers table is extended with the columns it lacks, at its right", () => {
    const wb = partial();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const t = tablesOf(wb, "客户信息").find((x) => x.name === "Customers");
    const names = t?.columns.map((c) => c.name) ?? [];
    expect(names.slice(0, 4)).toEqual(["客户编号", "客户名称", "手机", "我的备注"]);
    const expectedMissing = TABLES.Customers.columns.filter((c) => !["id", "name", "mobile"].includes(c.id)).map((c) => headerOf(c, "zh-CN"));
    expect(names.slice(4)).toEqual(expectedMissing);
    expect(t?.tableRef).toMatch(/^A1:[A-Z]+3$/);
  });

  test("the extended workbook saves, reopens, and a second run adds nothing", async () => {
    const wb = partial();
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const reopened = await loadXlsx(await saveTmp(wb));
    expect(valueAt(reopened, "客户信息", "D2")).toBe("=不是公式");
    expect(reopened.getWorksheet("客户信息")?.getCell("D2").formula).toBeUndefined();
    planIsEmpty(insertTemplate(snapshotOf(reopened), "zh-CN"));
  });

  test("a plain customer range (no table) on 客户信息 is refused, never written over", () => {
    const wb = workbookFrom({ 客户信息: [["客户名称", "手机"], ["甲", "138"]] });
    const code = insightCode(() => insertTemplate(snapshotOf(wb), "zh-CN"));
    expect(code).toBe("sheetNameTaken");
  });
});

describe("a sheet of ours that holds someone else's data: sheetNameTaken, nothing applied", () => {
  test("客户分层 with unrelated user data", () => {
    const wb = workbookFrom({ 客户分层: [["我的分层", "说明"], ["VIP", "年采购 100 万以上"]] });
    const before = allValues(wb);
    let plan: WorkbookPlan | null = null;
    const code = insightCode(() => {
      plan = insertTemplate(snapshotOf(wb), "zh-CN");
    });
    expect(code).toBe("sheetNameTaken");
    expect(plan).toBeNull();
    expect(allValues(wb)).toEqual(before);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["客户分层"]);
  });

  test("the message names the sheet and says nothing was changed", () => {
    const wb = workbookFrom({ 设置: [["随便写的", 1]] });
    try {
      insertTemplate(snapshotOf(wb), "zh-CN");
      throw new Error("expected an InsightError");
    } catch (e) {
      expect(e).toBeInstanceOf(InsightError);
      const err = e as InsightError;
      expect(err.code).toBe("sheetNameTaken");
      expect(err.localized("zh-CN")).toContain("设置");
      expect(err.localized("zh-CN")).toContain("未做任何修改");
    }
  });
});

describe("a table named like ours with unrelated headers: tableNameTaken", () => {
  test("a Customers table of order lines", () => {
    const wb = withTable(workbookFrom({ 订单: [["订单号", "数量"], ["SO-1", 3]] }), "订单", "Customers", "A1:B2");
    expect(insightCode(() => insertTemplate(snapshotOf(wb), "zh-CN"))).toBe("tableNameTaken");
  });

  test("a Customers table with our headers on another sheet (an adopted list) is ours: extended in place, no new 客户信息", () => {
    const wb = withTable(workbookFrom({ 名单: [["客户编号", "客户名称"], ["1", "甲"]] }), "名单", "Customers", "A1:B2");
    const plan = insertTemplate(snapshotOf(wb), "zh-CN");
    expect(plan.sheets.map((s) => s.name)).not.toContain("客户信息");
    const sheet = plan.sheets.find((s) => s.name === "名单");
    expect(sheet?.tables).toEqual([expect.objectContaining({ name: "Customers", mode: "extend" })]);
    expect(sheet?.writes).toEqual([]);
  });

  test("table names are matched without case (Excel's rule)", () => {
    const wb = withTable(workbookFrom({ 订单: [["订单号", "数量"], ["SO-1", 3]] }), "订单", "customers", "A1:B2");
    expect(insightCode(() => insertTemplate(snapshotOf(wb), "zh-CN"))).toBe("tableNameTaken");
  });
});
