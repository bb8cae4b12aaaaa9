import { insertTemplate } from "../../src/core/actions/insert-template";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { runInsertTemplate } from "../../src/excel/actions";
import { widthToPoints } from "../../src/excel/apply";
import { digest, installFake, measured, NOW, snapshotOf, stateHash } from "./fixtures";

const ZH_SHEETS = ["客户信息", "客户行为", "互动记录", "客户分层", "分析汇总", "设置", "变更日志"];

describe("Insert template into an empty workbook", () => {
  test("creates every sheet and table in at most 3 requests, then a second run changes nothing", async () => {
    const fake = installFake();
    fake.workbook.addSheet("Sheet1");
    const first = await measured(fake, () => runInsertTemplate("zh-CN", { now: NOW }));
    expect(first.value.ok).toBe(true);
    expect(first.syncs).toBeLessThanOrEqual(3);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", ...ZH_SHEETS]);
    const tables = ZH_SHEETS.flatMap((s) => fake.workbook.sheet(s).tables().map((t) => t.name));
    expect(tables.sort()).toEqual(["Behaviour", "ChangeLog", "Customers", "Interactions", "Lists", "Settings", "Tiers"]);
    const customers = fake.workbook.sheet("客户信息");
    expect(customers.tables()[0].headers).toEqual(CUSTOMER_COLUMNS.map((c) => c.label.zh));
    expect(customers.frozenRows).toBe(1);
    expect(customers.columnWidth(1)).toBe(widthToPoints(CUSTOMER_COLUMNS[1].width));
    // The customer ID column is text, so typed IDs keep their leading zeros.
    expect(customers.cell("A2").numberFormat).toBe("@");
    // Data validation reaches the lists by range, so it works without the add-in.
    expect(customers.validationAt("C2")?.rule?.list?.source).toMatch(/^=.设置.!\$/);
    expect(customers.validationAt("X2")?.rule?.wholeNumber).toEqual({ formula1: 1, formula2: 5, operator: "Between" });
    expect(customers.validationAt("M2")?.rule?.date).toEqual({ formula1: "1900-01-01", formula2: "9999-12-31", operator: "Between" });
    expect(fake.workbook.toJSON()).toMatchObject({ activeSheet: "客户信息" });

    const hash = stateHash(fake);
    const second = await measured(fake, () => runInsertTemplate("zh-CN", { now: NOW }));
    expect(second.value.ok).toBe(true);
    expect(second.syncs).toBeLessThanOrEqual(3);
    expect(stateHash(fake)).toBe(hash);
  });

  test("every cell the plan writes holds exactly the plan's value, Settings and Lists included", async () => {
    const fake = installFake();
    const before = await snapshotOf(fake);
    const plan = insertTemplate(before.snapshot, "en-US");
    const r = await runInsertTemplate("en-US", { now: NOW });
    expect(r.ok).toBe(true);
    for (const sp of plan.sheets) {
      for (const w of sp.writes) {
        const last = { row: w.row + w.values.length - 1, col: w.col + w.values[0].length - 1 };
        const address = `${colName(w.col)}${w.row + 1}:${colName(last.col)}${last.row + 1}`;
        expect(fake.workbook.sheet(sp.name).values(address)).toEqual(w.values);
      }
    }
  });
});

function colName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

describe("Insert template into a workbook that holds part of the layout", () => {
  test("adds only the missing parts and leaves what a person typed as it was", async () => {
    const fake = installFake();
    const inputs = CUSTOMER_COLUMNS.filter((c) => !c.output).slice(0, 10);
    fake.workbook.addSheet("客户信息", [
      inputs.map((c) => c.label.zh),
      ["2024001", "华信机械有限公司", "C 制造业", "机械制造", "500万以下", 30, 800, "张三", "经理", "13800138000"],
      ["2024002", "=HYPERLINK(\"http://x\",\"y\")", "", "", "", "", "", "李四", "", ""],
    ]);
    fake.workbook.addTable("客户信息", "A1:J3", "Customers");
    fake.workbook.addSheet("My notes", [["keep", 1], ["this", 2]]);
    const userCells = [
      { sheet: "客户信息", address: "A1:J3" },
      { sheet: "My notes", address: "A1:B2" },
    ];
    const before = digest(fake, userCells);
    const r = await measured(fake, () => runInsertTemplate("zh-CN", { now: NOW }));
    expect(r.value.ok).toBe(true);
    expect(r.syncs).toBeLessThanOrEqual(3);
    expect(digest(fake, userCells)).toBe(before);
    // The Customers table got its missing columns at its right; the other sheets were added.
    const t = fake.workbook.sheet("客户信息").tables()[0];
    expect(t.headers).toEqual(CUSTOMER_COLUMNS.map((c) => c.label.zh));
    expect(t.address).toBe(`客户信息!A1:${colName(CUSTOMER_COLUMNS.length - 1)}3`);
    expect(fake.workbook.sheetNames()).toEqual(["客户信息", "My notes", ...ZH_SHEETS.slice(1)]);
    expect(r.value.counts).toMatchObject({ columnsAdded: CUSTOMER_COLUMNS.length - 10, sheetsCreated: 6 });

    const hash = stateHash(fake);
    const again = await runInsertTemplate("zh-CN", { now: NOW });
    expect(again.ok).toBe(true);
    expect(stateHash(fake)).toBe(hash);
  });
});
