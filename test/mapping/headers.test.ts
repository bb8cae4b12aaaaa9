/**
 * Header recognition (SPEC §2, §4): the engine knows a column by its id, its zh or en header or
 * a synonym, whatever the order, width, case or bracket style people typed.
 */
import { BEHAVIOUR_COLUMNS, INTERACTION_COLUMNS } from "../../src/core/layout/behaviour";
import { CUSTOMER_COLUMNS } from "../../src/core/layout/customers";
import { buildHeaderIndex, foldHeader, mapHeaderRow, matchHeader } from "../../src/core/mapping/headers";
import { readLedger } from "../../src/core/mapping/ledger";
import { locateInRange } from "../../src/core/mapping/locate";
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import { snapshotOf, workbookFrom } from "../helpers/workbooks";

const customers = buildHeaderIndex(CUSTOMER_COLUMNS);
const behaviour = buildHeaderIndex(BEHAVIOUR_COLUMNS);
const interactions = buildHeaderIndex(INTERACTION_COLUMNS);

function sheetOf(values: CellValue[][], name = "客户信息", originRow = 0): SheetSnapshot {
  return { name, originRow, originCol: 0, values, tables: [] };
}

describe("name: the names people give the customer column", () => {
  test.each(["客户名称", "公司", "企业名称", "客户姓名", "姓名", "Company", "Name", "公司名称", "单位名称", "Customer name", "name"])("%s → name", (h) => {
    expect(matchHeader(customers, h)).toBe("name");
  });
});

describe("mobile: phone headers", () => {
  test.each(["手机", "电话", "手机号", "手机号码", "联系电话", "Phone", "Mobile", "Tel", "MOBILE"])("%s → mobile", (h) => {
    expect(matchHeader(customers, h)).toBe("mobile");
  });
});

describe("last contact: the dates people keep", () => {
  test.each(["最近沟通时间", "上次到店时间", "最近联系时间", "最近联系", "上次联系时间", "Last contact"])("%s → lastContact", (h) => {
    expect(matchHeader(customers, h)).toBe("lastContact");
  });
});

describe("width, brackets, spaces and case are folded", () => {
  test.each(["年营收（万元）", "年营收(万元)", "年营收【万元】", "年营收 (万元)", "年营收", "营收", "ＲＥＶＥＮＵＥ"])("%s → revenue", (h) => {
    expect(matchHeader(customers, h)).toBe("revenue");
  });

  test("full-width and half-width fold to one header", () => {
    expect(foldHeader("年营收（万元）")).toBe(foldHeader("年营收(万元)"));
    expect(foldHeader(" Customer  Name ")).toBe(foldHeader("customername"));
  });

  test("a unit the layout does not use still finds the column", () => {
    expect(matchHeader(customers, "员工人数(人)")).toBe("employees");
  });
});

describe("Behaviour: amount and the seed 001 headers", () => {
  test.each([
    ["购买金额", "amount"],
    ["购买金额(万元)", "amount"],
    ["总购买金额(万元)", "amount"],
    ["购买频次(次)", "purchases"],
    ["官网访问次数", "siteVisits"],
    ["参与活动次数", "events"],
    ["投诉次数", "complaints"],
    ["统计周期", "period"],
    ["客户编号", "customerId"],
    ["客户活跃度", "activity"],
  ])("%s → %s", (h, id) => {
    expect(matchHeader(behaviour, h)).toBe(id);
  });

  test("购买金额 is not a Customers column", () => {
    expect(matchHeader(customers, "购买金额")).toBeNull();
  });
});

describe("the layout's own headers, in both languages, map to their ids", () => {
  const cases: [string, typeof CUSTOMER_COLUMNS, ReturnType<typeof buildHeaderIndex>][] = [
    ["Customers", CUSTOMER_COLUMNS, customers],
    ["Behaviour", BEHAVIOUR_COLUMNS, behaviour],
    ["Interactions", INTERACTION_COLUMNS, interactions],
  ];
  describe.each(cases)("%s", (_name, columns, index) => {
    test.each(columns.map((c) => [c.label.en, c.id]))("en %s → %s", (h, id) => expect(matchHeader(index, h)).toBe(id));
    test.each(columns.map((c) => [c.label.zh, c.id]))("zh %s → %s", (h, id) => expect(matchHeader(index, h)).toBe(id));
    test.each(columns.map((c) => [c.id, c.id]))("id %s → %s", (h, id) => expect(matchHeader(index, h)).toBe(id));
  });

  test("a whole English header row maps every column", () => {
    const { byId, unmapped } = mapHeaderRow(customers, CUSTOMER_COLUMNS.map((c) => c.label.en));
    expect(unmapped).toEqual([]);
    expect([...byId.keys()]).toEqual(CUSTOMER_COLUMNS.map((c) => c.id));
  });
});

describe("unknown headers stay unmapped", () => {
  test.each(["", "备注2", "Column1", "  "])("%p → null", (h) => {
    expect(matchHeader(customers, h)).toBeNull();
  });
});

describe("duplicate headers: the first wins, the second stays unmapped (and untouched)", () => {
  test("客户名称 twice", () => {
    const { byId, unmapped } = mapHeaderRow(customers, ["客户名称", "手机", "客户名称"]);
    expect(byId.get("name")).toBe(0);
    expect(byId.get("mobile")).toBe(1);
    expect(unmapped).toEqual([2]);
  });

  test("a label and its synonym: 手机 and 电话 both mean mobile; the first column is used", () => {
    const { byId, unmapped } = mapHeaderRow(customers, ["电话", "客户名称", "手机"]);
    expect(byId.get("mobile")).toBe(0);
    expect(unmapped).toEqual([2]);
  });

  test("readLedger reads the first of two 客户名称 columns", () => {
    const wb = workbookFrom({ 客户信息: [["客户名称", "客户名称"], ["甲公司", "乙公司"]] });
    const ledger = readLedger(snapshotOf(wb));
    expect(ledger.customerRecords.map((r) => r.name)).toEqual(["甲公司"]);
  });
});

describe("locateInRange: headers below a title row", () => {
  const values: CellValue[][] = [
    ["2024年重点客户台账", "", "", ""],
    ["", "", "", ""],
    ["序号", "公司", "电话", "上次到店时间"],
    [1, "甲公司", "13800000000", 45366],
    [2, "乙公司", "13900000000", ""],
  ];

  test("the header row is row 3 (index 2) and its columns are mapped", () => {
    const t = locateInRange(sheetOf(values), customers, "name");
    expect(t).not.toBeNull();
    expect(t?.headerRow).toBe(2);
    expect(t?.columns.get("name")).toBe(1);
    expect(t?.columns.get("mobile")).toBe(2);
    expect(t?.columns.get("lastContact")).toBe(3);
    expect(t?.columns.get("id")).toBe(0);
  });

  test("the data rows are the two below the headers", () => {
    const t = locateInRange(sheetOf(values), customers, "name");
    expect(t?.rows.map((r) => r.row)).toEqual([3, 4]);
    expect(t?.rows[0].cells[1]).toBe("甲公司");
  });

  test("a used range that starts lower on the sheet keeps sheet row numbers", () => {
    const t = locateInRange(sheetOf(values.slice(2), "客户信息", 2), customers, "name");
    expect(t?.headerRow).toBe(2);
    expect(t?.rows.map((r) => r.row)).toEqual([3, 4]);
  });

  test("the row with the required column wins over a row that merely matches more words", () => {
    const v: CellValue[][] = [
      ["手机", "邮箱", "职务"],
      ["名称", "手机", "邮箱"],
      ["甲", "13800000000", "a@b.cn"],
    ];
    expect(locateInRange(sheetOf(v), customers, "name")?.headerRow).toBe(1);
  });

  test("no recognisable header → null", () => {
    expect(locateInRange(sheetOf([["foo", "bar"], ["x", "y"]]), customers, "name")).toBeNull();
  });

  test("through readLedger on a real workbook: title row, then headers on row 3", () => {
    const wb = workbookFrom({
      客户信息: [["2024年重点客户台账"], [null], ["企业名称", "联系电话", "年营收（万元）", "最近联系"], ["甲公司", "13800000000", 1200, "2024/3/15"]],
    });
    const snap: WorkbookSnapshot = snapshotOf(wb);
    const ledger = readLedger(snap);
    expect(ledger.customers.headerRow).toBe(2);
    expect(ledger.customerRecords).toHaveLength(1);
    const r = ledger.customerRecords[0];
    expect([r.name, r.mobile, r.revenue, r.lastContact]).toEqual(["甲公司", "13800000000", 1200, 45366]);
  });
});
