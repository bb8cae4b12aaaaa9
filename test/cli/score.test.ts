/**
 * `customer-insight score in.xlsx -o out.xlsx --json --ref-date 2024-06-30` (SPEC §3) on seed 001's
 * three customers, typed as plain ranges with Chinese headers in a person's own column order.
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { insertTemplate } from "../../src/core/actions/insert-template";
import { TABLES } from "../../src/core/layout/sheets";
import { applyPlan } from "../../src/xlsx/apply";
import { fillTable } from "../../src/xlsx/fill-table";
import { SEED001_BEHAVIOUR, SEED001_CUSTOMERS, seed001Workbook } from "../helpers/seed001";
import { type CliRun, cellValues, columnOf, loadXlsx, rowTexts, runCliCapture, saveTmp, snapshotOf, tablesOf, workbookFrom } from "../helpers/workbooks";

const REF = ["--ref-date", "2024-06-30"];

interface ScoreJson {
  customers: number;
  tiers: Record<"A" | "B" | "C" | "D", number>;
  results: Record<string, unknown>[];
}

const RESULT_FIELDS = [
  "id", "name", "activity", "declineRate", "churnRisk", "valueScore", "tier", "core", "customerType",
  "r", "f", "m", "segment", "nextFollowUp", "followUpStatus", "dataStatus", "reason",
];

function parse(run: CliRun): ScoreJson {
  return JSON.parse(run.stdout) as ScoreJson;
}

function byId(json: ScoreJson, id: string): Record<string, unknown> {
  const r = json.results.find((x) => x.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

/** Raw ExcelJS values of a rectangle (1-based rows and columns), for byte-for-byte comparison. */
function rawBlock(wb: ExcelJS.Workbook, sheet: string, rows: number, cols: number): ExcelJS.CellValue[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= cols; c++) line.push(ws.getRow(r).getCell(c).value);
    out.push(line);
  }
  return out;
}

async function chartParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();
}

describe("score with -o and --json on seed 001", () => {
  let input: string;
  let output: string;
  let run: CliRun;
  let json: ScoreJson;
  let inWb: ExcelJS.Workbook;
  let outWb: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await saveTmp(seed001Workbook());
    output = path.join(path.dirname(input), "out.xlsx");
    run = await runCliCapture(["score", input, "-o", output, "--json", ...REF]);
    json = parse(run);
    inWb = await loadXlsx(input);
    outWb = await loadXlsx(output);
  });

  describe("exit code and stdout", () => {
    test("exit 0; stdout is one JSON document", () => {
      expect(run.code).toBe(0);
      expect(() => JSON.parse(run.stdout)).not.toThrow();
    });
  });

  describe("counts: 3 customers, tier counts summing to 3", () => {
    test("customers", () => {
      expect(json.customers).toBe(3);
      expect(json.results).toHaveLength(3);
    });
    test("tiers", () => {
      expect(Object.keys(json.tiers).sort()).toEqual(["A", "B", "C", "D"]);
      expect(json.tiers.A + json.tiers.B + json.tiers.C + json.tiers.D).toBe(3);
    });
  });

  describe("activity = (site visits + events) / 2 — seed 001 golden values", () => {
    test("(20, 3) → 11.5 for 2024001", () => expect(byId(json, "2024001").activity).toBe(11.5));
    test("(5, 1) → 3 for 2024002", () => expect(byId(json, "2024002").activity).toBe(3));
  });

  describe("churn risk = (decline + complaints × 0.5) × 100; D when ≥ 50", () => {
    test("2024002: no decline, 1 complaint → churn risk 50, tier D", () => {
      const r = byId(json, "2024002");
      expect(r.declineRate).toBe(0);
      expect(r.churnRisk).toBe(50);
      expect(r.tier).toBe("D");
    });
    test("2024001: no complaint → churn risk 0, not D", () => {
      expect(byId(json, "2024001").churnRisk).toBe(0);
      expect(byId(json, "2024001").tier).not.toBe("D");
    });
    test("the biggest buyer ranks highest", () => {
      const v = (id: string) => byId(json, id).valueScore as number;
      expect(v("2024001")).toBeGreaterThan(v("2024003"));
      expect(v("2024003")).toBeGreaterThan(v("2024002"));
    });
  });

  describe("--json result objects: exactly the documented fields", () => {
    test("field names", () => {
      for (const r of json.results) expect(Object.keys(r).sort()).toEqual([...RESULT_FIELDS].sort());
    });
    test("ids, names and next follow-up as ISO dates", () => {
      expect(json.results.map((r) => r.id)).toEqual(["2024001", "2024002", "2024003"]);
      expect(byId(json, "2024002").name).toBe("YY制造有限公司");
      // 2024-06-01 + 14 days (priority 中)
      expect(byId(json, "2024002").nextFollowUp).toBe("2024-06-15");
      expect(byId(json, "2024002").followUpStatus).toBe("overdue");
    });
    test("seed 001: 2024002 lacks 职务 → 待补充 names it", () => {
      expect(String(byId(json, "2024002").dataStatus)).toMatch(/^待补充.*职务/);
    });
    test("every reason is a sentence a person can check", () => {
      for (const r of json.results) expect(String(r.reason).length).toBeGreaterThan(5);
    });
  });

  describe("output file: output columns filled on the Customers sheet", () => {
    test("the output headers follow the input columns", () => {
      const headers = rowTexts(outWb, "客户信息", 1);
      expect(headers.slice(0, 12)).toEqual(SEED001_CUSTOMERS[0]);
      for (const h of ["客户分层", "价值分", "核心客户", "客户类型", "下次跟进日期", "跟进状态", "数据状态", "疑似重复"]) expect(headers).toContain(h);
    });
    test("each row's tier and score are those of the JSON", () => {
      const tierCol = columnOf(outWb, "客户信息", "客户分层");
      const scoreCol = columnOf(outWb, "客户信息", "价值分");
      const idCol = columnOf(outWb, "客户信息", "客户编号");
      const ws = outWb.getWorksheet("客户信息");
      for (let r = 2; r <= 4; r++) {
        const row = ws?.getRow(r);
        const res = byId(json, String(row?.getCell(idCol).value));
        expect(row?.getCell(tierCol).value).toBe(res.tier);
        expect(row?.getCell(scoreCol).value).toBeCloseTo(res.valueScore as number, 1);
      }
    });
    test("Behaviour outputs: activity 11.5 and churn risk 50", () => {
      const ws = outWb.getWorksheet("客户行为");
      const act = columnOf(outWb, "客户行为", "客户活跃度");
      const churn = columnOf(outWb, "客户行为", "流失风险指数");
      expect(ws?.getRow(2).getCell(act).value).toBe(11.5);
      expect(ws?.getRow(3).getCell(churn).value).toBe(50);
    });
  });

  describe("nothing lost: every input cell is unchanged", () => {
    test("Customers input cells", () => {
      expect(rawBlock(outWb, "客户信息", SEED001_CUSTOMERS.length, SEED001_CUSTOMERS[0].length)).toEqual(rawBlock(inWb, "客户信息", SEED001_CUSTOMERS.length, SEED001_CUSTOMERS[0].length));
    });
    test("Behaviour input cells", () => {
      expect(rawBlock(outWb, "客户行为", SEED001_BEHAVIOUR.length, SEED001_BEHAVIOUR[0].length)).toEqual(rawBlock(inWb, "客户行为", SEED001_BEHAVIOUR.length, SEED001_BEHAVIOUR[0].length));
    });
    test("the input file itself is not touched", async () => {
      const again = await loadXlsx(input);
      expect(again.worksheets.map((w) => w.name)).toEqual(["客户信息", "客户行为"]);
    });
  });

  describe("computed sheets: 客户分层 with a Tiers table, 分析汇总, native charts", () => {
    test("客户分层 holds the Tiers table with one row per customer", () => {
      const t = tablesOf(outWb, "客户分层").find((x) => x.name === "Tiers");
      expect(t).toBeDefined();
      expect(t?.tableRef).toMatch(/^A1:[A-Z]+4$/);
      expect(t?.columns.map((c) => c.name).slice(0, 5)).toEqual(["客户编号", "客户名称", "评分依据", "客户价值评分", "分层结果"]);
    });
    test("分析汇总 exists and has content", () => {
      expect(cellValues(outWb, "分析汇总").size).toBeGreaterThan(5);
    });
    test("xl/charts/chart*.xml exist in the package", async () => {
      expect((await chartParts(output)).length).toBeGreaterThanOrEqual(1);
    });
  });
});

describe("output file name: <in>.scored.xlsx by default, never the input", () => {
  test("without -o it writes <in>.scored.xlsx beside the input and leaves the input as it was", async () => {
    const input = await saveTmp(seed001Workbook(), "客户台账.xlsx");
    const before = await readFile(input);
    const run = await runCliCapture(["score", input, ...REF]);
    expect(run.code).toBe(0);
    const expected = path.join(path.dirname(input), "客户台账.scored.xlsx");
    expect(existsSync(expected)).toBe(true);
    expect((await readFile(input)).equals(before)).toBe(true);
    expect((await stat(expected)).size).toBeGreaterThan(0);
  });

  test("-o equal to the input → exit 1 and the input is untouched", async () => {
    const input = await saveTmp(seed001Workbook());
    const before = await readFile(input);
    const run = await runCliCapture(["score", input, "-o", input, ...REF]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(input);
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  test("-o naming the input by another path → exit 1", async () => {
    const input = await saveTmp(seed001Workbook());
    const other = path.join(path.dirname(input), ".", "..", path.basename(path.dirname(input)), path.basename(input));
    const run = await runCliCapture(["score", input, "-o", other, ...REF]);
    expect(run.code).toBe(1);
  });

  test("without --json stdout is the tier table", async () => {
    const input = await saveTmp(seed001Workbook());
    const run = await runCliCapture(["score", input, "-o", path.join(path.dirname(input), "o.xlsx"), "--lang", "zh-CN", ...REF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("客户数");
    expect(run.stdout).toContain("共 3 位客户");
  });
});

describe("idempotent: scoring the scored file gives the same values", () => {
  test("every sheet's values are equal after a second run", async () => {
    const input = await saveTmp(seed001Workbook());
    const dir = path.dirname(input);
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const run1 = await runCliCapture(["score", input, "-o", first, "--json", ...REF]);
    const run2 = await runCliCapture(["score", first, "-o", second, "--json", ...REF]);
    expect(run1.code).toBe(0);
    expect(run2.code).toBe(0);
    expect(parse(run2)).toEqual(parse(run1));
    const a = await loadXlsx(first);
    const b = await loadXlsx(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) expect([ws.name, cellValues(b, ws.name)]).toEqual([ws.name, cellValues(a, ws.name)]);
    expect(tablesOf(b, "客户分层").map((t) => t.tableRef)).toEqual(tablesOf(a, "客户分层").map((t) => t.tableRef));
    expect(await chartParts(second)).toEqual(await chartParts(first));
  });

  test("output headers are not added a second time", async () => {
    const input = await saveTmp(seed001Workbook());
    const dir = path.dirname(input);
    await runCliCapture(["score", input, "-o", path.join(dir, "1.xlsx"), ...REF]);
    await runCliCapture(["score", path.join(dir, "1.xlsx"), "-o", path.join(dir, "2.xlsx"), ...REF]);
    const headers = rowTexts(await loadXlsx(path.join(dir, "2.xlsx")), "客户信息", 1);
    expect(headers.filter((h) => h === "客户分层")).toHaveLength(1);
    expect(headers).toHaveLength(20);
  });
});

describe("the product path: template, a person fills the tables, score twice", () => {
  async function filled(): Promise<string> {
    const wb = workbookFrom({});
    applyPlan(wb, insertTemplate(snapshotOf(wb), "zh-CN"));
    const row = (table: "Customers" | "Behaviour", v: Record<string, string | number>) => TABLES[table].columns.map((c) => v[c.id] ?? "");
    fillTable(wb, "Customers", [
      row("Customers", { id: "2024001", name: "科技有限公司", industry: "I 信息传输、软件和信息技术服务业", contact: "王*", title: "采购总监", mobile: "13812345678", startDate: 45000, lastContact: 45463, grade: "重点", priority: "高" }),
      row("Customers", { id: "2024002", name: "YY制造有限公司", industry: "C 制造业", contact: "李*", startDate: 45301, lastContact: 45444, grade: "潜在", priority: "中" }),
      row("Customers", { name: "ZZ贸易商行", industry: "F 批发和零售业", needMatch: 4, likelihood: 3 }),
    ]);
    fillTable(wb, "Behaviour", [
      row("Behaviour", { customerId: "2024001", period: "2024Q1", purchases: 5, amount: 120, siteVisits: 20, events: 3, complaints: 0 }),
      row("Behaviour", { customerId: "2024002", period: "2024Q1", purchases: 2, amount: 15, siteVisits: 5, events: 1, complaints: 1 }),
    ]);
    return saveTmp(wb);
  }

  test("the blank id is generated (2024003) and logged once; a second run gives the same values", async () => {
    const input = await filled();
    const dir = path.dirname(input);
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    const run1 = await runCliCapture(["score", input, "-o", first, "--json", ...REF]);
    expect(run1.code).toBe(0);
    const json = parse(run1);
    expect(json.results.map((r) => r.id)).toEqual(["2024001", "2024002", "2024003"]);
    expect(byId(json, "2024001").activity).toBe(11.5);
    expect(byId(json, "2024002").churnRisk).toBe(50);
    expect(byId(json, "2024002").tier).toBe("D");
    // ZZ贸易商行 has no Behaviour row: a prospect, 20 × mean(4, 3) = 70 → B
    expect(byId(json, "2024003").tier).toBe("B");
    const a = await loadXlsx(first);
    const log = cellValues(a, "变更日志");
    expect([...log.values()]).toContain("2024003");

    const run2 = await runCliCapture(["score", first, "-o", second, "--json", ...REF]);
    expect(run2.code).toBe(0);
    expect(parse(run2)).toEqual(json);
    const b = await loadXlsx(second);
    for (const ws of a.worksheets) expect([ws.name, cellValues(b, ws.name)]).toEqual([ws.name, cellValues(a, ws.name)]);
    expect(tablesOf(b, "客户信息").map((t) => [t.tableRef, t.columns.length])).toEqual(tablesOf(a, "客户信息").map((t) => [t.tableRef, t.columns.length]));
  });
});
