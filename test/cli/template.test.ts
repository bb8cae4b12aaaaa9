/**
 * `customer-insight template out.xlsx --lang …` (SPEC §2): the file read back with ExcelJS has
 * every sheet and table of the layout, and the validation works in Excel without the add-in.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import { readSettings } from "../../src/core/actions/read-settings";
import { TABLES, headerOf } from "../../src/core/layout/sheets";
import type { TableId } from "../../src/core/layout/types";
import type { Lang } from "../../src/core/plan/cells";
import { DEFAULT_SETTINGS } from "../../src/core/settings/types";
import { toCellValue } from "../../src/xlsx/cell-value";
import { type CliRun, columnOf, loadXlsx, runCliCapture, snapshotOf, tablesOf, tmpDir } from "../helpers/workbooks";

const ZH_SHEETS = ["客户信息", "客户行为", "互动记录", "客户分层", "分析汇总", "设置", "变更日志"];
const EN_SHEETS = ["Customers", "Behaviour", "Interactions", "Tiers", "Summary", "Settings", "Change log"];

const TABLE_SHEET: Record<Exclude<TableId, "Archive">, number> = { Customers: 0, Behaviour: 1, Interactions: 2, Tiers: 3, Settings: 5, Lists: 5, ChangeLog: 6 };

const SECTIONS = [
  "A 农、林、牧、渔业", "B 采矿业", "C 制造业", "D 电力、热力、燃气及水生产和供应业", "E 建筑业", "F 批发和零售业",
  "G 交通运输、仓储和邮政业", "H 住宿和餐饮业", "I 信息传输、软件和信息技术服务业", "J 金融业", "K 房地产业",
  "L 租赁和商务服务业", "M 科学研究和技术服务业", "N 水利、环境和公共设施管理业", "O 居民服务、修理和其他服务业", "P 教育",
  "Q 卫生和社会工作", "R 文化、体育和娱乐业", "S 公共管理、社会保障和社会组织", "T 国际组织",
];

interface Made {
  run: CliRun;
  wb: ExcelJS.Workbook;
  file: string;
}

async function makeTemplate(lang: Lang): Promise<Made> {
  const file = path.join(await tmpDir(), `template-${lang}.xlsx`);
  const run = await runCliCapture(["template", file, "--lang", lang]);
  return { run, wb: await loadXlsx(file), file };
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The data validation of the first data cell under a header. */
function validationUnder(wb: ExcelJS.Workbook, sheetName: string, header: string, row = 2): ExcelJS.DataValidation | undefined {
  return sheet(wb, sheetName).getRow(row).getCell(columnOf(wb, sheetName, header)).dataValidation;
}

/** The values a list validation's range reference points at, read from the workbook itself. */
function listValues(wb: ExcelJS.Workbook, formula: string): string[] {
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a range reference: ${formula}`);
  const ws = sheet(wb, m[1].replace(/''/g, "'"));
  expect(m[2]).toBe(m[4]);
  const col = ws.getColumn(m[2]).number;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(toCellValue(ws.getRow(r).getCell(col).value)));
  return out;
}

describe.each([
  ["zh-CN" as Lang, ZH_SHEETS],
  ["en-US" as Lang, EN_SHEETS],
])("template --lang %s", (lang, names) => {
  let made: Made;
  const h = (table: TableId, id: string): string => {
    const col = TABLES[table].columns.find((c) => c.id === id);
    if (!col) throw new Error(`no column ${id}`);
    return headerOf(col, lang);
  };
  const [customers, behaviour, interactions, , , settings] = names;

  beforeAll(async () => {
    made = await makeTemplate(lang);
  });

  describe("exit and message", () => {
    test("exit code 0, nothing on stdout, the file named on stderr", () => {
      expect(made.run.code).toBe(0);
      expect(made.run.stdout).toBe("");
      expect(made.run.stderr).toContain(made.file);
    });
  });

  describe("sheets: the seven sheets of §2, in order, in the chosen language", () => {
    test("sheet names", () => {
      expect(made.wb.worksheets.map((w) => w.name)).toEqual(names);
    });
  });

  describe("tables: one Excel table per data sheet, with the layout's headers in order", () => {
    test.each(Object.entries(TABLE_SHEET))("%s", (table, sheetIndex) => {
      const id = table as TableId;
      const found = tablesOf(made.wb, names[sheetIndex]).find((t) => t.name === id);
      expect(found).toBeDefined();
      expect(found?.columns.map((c) => c.name)).toEqual(TABLES[id].columns.map((c) => headerOf(c, lang)));
    });

    test("the Summary sheet holds no table", () => {
      expect(tablesOf(made.wb, names[4])).toEqual([]);
    });

    if (lang === "zh-CN") {
      test("Customers headers read like §2", () => {
        const headers = tablesOf(made.wb, "客户信息")[0].columns.map((c) => c.name);
        expect(headers.slice(0, 7)).toEqual(["客户编号", "客户名称", "所属行业", "细分行业", "客户规模", "员工人数", "年营收(万元)"]);
        expect(headers.slice(-8)).toEqual(["客户分层", "价值分", "核心客户", "客户类型", "下次跟进日期", "跟进状态", "数据状态", "疑似重复"]);
      });
    }
  });

  describe("industry: a list validation referring by range to the 20 GB/T sections on the Lists table", () => {
    test("the formula is a range reference, not a typed comma list", () => {
      const dv = validationUnder(made.wb, customers, h("Customers", "industry"));
      expect(dv?.type).toBe("list");
      const f = String(dv?.formulae?.[0]);
      const quoted = lang === "zh-CN" ? "'设置'" : "Settings";
      expect(f).toMatch(new RegExp(`^${quoted}!\\$([A-Z]+)\\$2:\\$\\1\\$21$`));
      expect(f).not.toContain('"');
      expect(f).not.toContain(",");
    });

    test("the range holds the 20 sections, A 农、林、牧、渔业 … T 国际组织", () => {
      const dv = validationUnder(made.wb, customers, h("Customers", "industry"));
      expect(listValues(made.wb, String(dv?.formulae?.[0]))).toEqual(SECTIONS);
    });

    test("the validation covers the table's rows well below the header", () => {
      expect(validationUnder(made.wb, customers, h("Customers", "industry"), 1000)?.type).toBe("list");
    });
  });

  describe("the other dropdowns are lists by range on the Lists table", () => {
    const lists: [TableId, string, string[]][] = [
      ["Customers", "grade", ["重点", "潜在", "普通"]],
      ["Customers", "priority", ["高", "中", "低"]],
      ["Customers", "channel", ["电话", "面谈", "邮件", "线上会议", "微信"]],
      ["Customers", "feedback", ["积极", "中性", "消极"]],
      ["Customers", "budget", ["10万以下", "10-30万", "30-50万", "50-100万", "100万以上", "面议"]],
      ["Customers", "sizeBand", ["500万以下", "500-2000万", "2000-5000万", "5000万-1亿", "1亿以上"]],
      ["Interactions", "channel", ["电话", "面谈", "邮件", "线上会议", "微信"]],
      ["Interactions", "feedback", ["积极", "中性", "消极"]],
    ];
    test.each(lists)("%s.%s", (table, id, values) => {
      const sheetName = table === "Customers" ? customers : interactions;
      const dv = validationUnder(made.wb, sheetName, h(table, id));
      expect(dv?.type).toBe("list");
      const f = String(dv?.formulae?.[0]);
      expect(f).toContain("!$");
      expect(f).not.toContain('"');
      expect(listValues(made.wb, f)).toEqual(values);
    });
  });

  describe("numbers: whole ≥ 0, 1–5 whole, decimal ≥ 0", () => {
    test("employees: whole number ≥ 0", () => {
      const dv = validationUnder(made.wb, customers, h("Customers", "employees"));
      expect(dv).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop" });
    });

    test.each(["needMatch", "likelihood"])("%s: whole number between 1 and 5", (id) => {
      const dv = validationUnder(made.wb, customers, h("Customers", id));
      expect(dv).toMatchObject({ type: "whole", operator: "between", formulae: [1, 5] });
    });

    test("revenue: decimal ≥ 0", () => {
      const dv = validationUnder(made.wb, customers, h("Customers", "revenue"));
      expect(dv).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    });

    test.each(["purchases", "siteVisits", "events", "complaints"])("Behaviour %s: whole number ≥ 0", (id) => {
      expect(validationUnder(made.wb, behaviour, h("Behaviour", id))).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    });

    test("Behaviour amount: decimal ≥ 0", () => {
      expect(validationUnder(made.wb, behaviour, h("Behaviour", "amount"))).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    });
  });

  describe("dates: date validation and the yyyy-mm-dd format", () => {
    const dates: [TableId, string][] = [
      ["Customers", "startDate"],
      ["Customers", "lastContact"],
      ["Behaviour", "lastPurchase"],
      ["Interactions", "date"],
    ];
    test.each(dates)("%s.%s", (table, id) => {
      const sheetName = table === "Customers" ? customers : table === "Behaviour" ? behaviour : interactions;
      const header = h(table, id);
      expect(validationUnder(made.wb, sheetName, header)?.type).toBe("date");
      const col = columnOf(made.wb, sheetName, header);
      expect(sheet(made.wb, sheetName).getRow(2).getCell(col).numFmt).toBe("yyyy-mm-dd");
      expect(sheet(made.wb, sheetName).getColumn(col).numFmt).toBe("yyyy-mm-dd");
    });

    test("next follow-up (an output) is formatted as a date too", () => {
      const col = columnOf(made.wb, customers, h("Customers", "nextFollowUp"));
      expect(sheet(made.wb, customers).getRow(2).getCell(col).numFmt).toBe("yyyy-mm-dd");
    });

    test("amounts in 万元 have 2 decimals", () => {
      const col = columnOf(made.wb, customers, h("Customers", "revenue"));
      expect(sheet(made.wb, customers).getRow(2).getCell(col).numFmt).toBe("#,##0.00");
    });
  });

  describe("the date rule in the file: from 1900-01-01 (serial 1) to 9999-12-31 (serial 2958465)", () => {
    // The plan says formula1 = 1; apply.ts hands ExcelJS a Date, and ExcelJS's date → serial
    // ignores Excel's 1900 leap-year bug, so the file says 2 (1900-01-02).
    test("formula1 is 1 and formula2 is 2958465 in the sheet XML", async () => {
      const zip = await JSZip.loadAsync(await readFile(made.file));
      const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
      const dates = xml.match(/<dataValidation type="date"[^>]*>.*?<\/dataValidation>/g) ?? [];
      expect(dates.length).toBeGreaterThan(0);
      for (const d of dates) expect(d).toContain("<formula1>1</formula1><formula2>2958465</formula2>");
    });
  });

  describe("mobile and email: warnings, not stops", () => {
    test.each(["mobile", "email"])("%s", (id) => {
      const dv = validationUnder(made.wb, customers, h("Customers", id));
      expect(dv?.type).toBe("custom");
      expect(dv?.errorStyle).toBe("warning");
      expect(dv?.error).toBeTruthy();
    });

    test("the mobile rule removes +86, spaces and dashes before checking", () => {
      const f = String(validationUnder(made.wb, customers, h("Customers", "mobile"))?.formulae?.[0]);
      expect(f).toContain('"+86"');
      expect(f).toContain('" "');
      expect(f).toContain('"-"');
    });
  });

  describe("every rule has a message in the template's language", () => {
    test("the industry message names the column", () => {
      const dv = validationUnder(made.wb, customers, h("Customers", "industry"));
      expect(dv?.showErrorMessage).toBe(true);
      expect(dv?.error).toContain(h("Customers", "industry"));
      if (lang === "zh-CN") expect(dv?.error).toMatch(/[\u4e00-\u9fff]/);
      else expect(dv?.errorTitle).toMatch(/^[\x20-\x7e–]+$/);
    });
  });

  describe("outputs carry no validation (the add-in writes them)", () => {
    test.each(["tier", "score", "dataStatus"])("%s", (id) => {
      expect(validationUnder(made.wb, customers, h("Customers", id))).toBeUndefined();
    });
  });

  describe("frozen header row on data sheets", () => {
    test.each([0, 1, 2, 3, 5, 6])("sheet #%i", (i) => {
      const views = sheet(made.wb, names[i]).views;
      expect(views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    });
  });

  describe("Lists table: the dropdown values", () => {
    test("its industry column holds the 20 sections, A first, T last", () => {
      const t = tablesOf(made.wb, settings).find((x) => x.name === "Lists");
      expect(t).toBeDefined();
      const ws = sheet(made.wb, settings);
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t?.tableRef ?? "");
      expect(m).not.toBeNull();
      const col = ws.getColumn(m?.[1] ?? "A").number;
      const values: string[] = [];
      for (let r = Number(m?.[2]) + 1; r <= Number(m?.[4]); r++) values.push(String(toCellValue(ws.getRow(r).getCell(col).value)));
      expect(values).toHaveLength(20);
      expect(values[0]).toBe("A 农、林、牧、渔业");
      expect(values[19]).toBe("T 国际组织");
      expect(values).toEqual(SECTIONS);
    });
  });

  describe("Settings table: the default settings, readable back", () => {
    test("weights 0.5 / 0.3 / 0.2", () => {
      const ws = sheet(made.wb, settings);
      const byKey = new Map<string, unknown>();
      ws.eachRow((row) => {
        byKey.set(String(toCellValue(row.getCell(1).value)), toCellValue(row.getCell(3).value));
      });
      expect(Number(byKey.get("weights.amount"))).toBe(0.5);
      expect(Number(byKey.get("weights.activity"))).toBe(0.3);
      expect(Number(byKey.get("weights.tenure"))).toBe(0.2);
    });

    test("the engine reads the defaults back from the file", () => {
      expect(readSettings(snapshotOf(made.wb))).toEqual(DEFAULT_SETTINGS);
    });
  });
});

describe("template: arguments", () => {
  test("without an output file: usage, exit 2", async () => {
    const r = await runCliCapture(["template"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage/);
  });

  test("an unknown --lang: usage, exit 2", async () => {
    const r = await runCliCapture(["template", path.join(await tmpDir(), "x.xlsx"), "--lang", "fr-FR"]);
    expect(r.code).toBe(2);
  });
});
