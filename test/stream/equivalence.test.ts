/**
 * The large-file path (src/xlsx/stream) against the in-memory path (applyPlan + saveWorkbook):
 * the same snapshot read, and the same values in every cell of every sheet, the same tables,
 * conditional formats, validations, charts and active tab written, on workbooks as people have them.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeCliInput } from "../../src/bench/cli";
import { cellXml } from "../../src/xlsx/stream/sheet-parts";
import { seed001Workbook } from "../helpers/seed001";
import { type Cell, cellValues, loadXlsx, saveTmp, tablesOf, tmpDir, workbookFrom } from "../helpers/workbooks";
import { chartCount, expectSameOutput } from "./same-output";

describe("the streaming path writes what the in-memory path writes", () => {
  it("a template workbook with 300 demo customers (tables, validation, a generated id logged)", async () => {
    const input = path.join(await tmpDir(), "demo300.xlsx");
    await writeCliInput(300, input);
    const { stream } = await expectSameOutput(input);
    // the change log got its row; Tiers holds every customer
    const out = await loadXlsx(stream);
    expect(tablesOf(out, "变更日志")[0].tableRef).toBe("A1:G2");
    expect(tablesOf(out, "客户分层")[0].tableRef).toMatch(/^A1:S301$/);

    // a re-run over our own output: Tiers and Summary (with charts) are written anew, nothing stacks
    const again = path.join(path.dirname(input), "again.xlsx");
    await writeFile(again, await readFile(stream));
    const twice = await expectSameOutput(again);
    expect(await chartCount(twice.stream)).toBe(await chartCount(stream));
  }, 120_000);

  it("a plain list without tables (seed 001): output headers added beside the data", async () => {
    await expectSameOutput(await saveTmp(seed001Workbook()));
  });

  it("a Customers table without output columns and a blank id: the table is extended, a Change log sheet is added", async () => {
    const rows: Cell[][] = [
      ["客户编号", "客户名称", "所属行业", "联系人", "最近沟通时间", "客户等级", "跟进优先级", "需求匹配度", "合作可能性"],
      ["C001", "=HYPERLINK 不是公式", "制造业", "王*", 45400, "重点", "高", 5, 4],
      ["", "+86 贸易公司", "批发和零售业", "李*", 45410, "潜在", "中", 3, 3],
      ["C003", "@某科技", "信息传输、软件和信息技术服务业", "赵*", 45300, "普通", "低", 2, 2],
    ];
    const wb = workbookFrom({ Customers: rows });
    const ws = wb.getWorksheet("Customers") as ExcelJS.Worksheet;
    ws.addTable({ name: "Customers", ref: "A1", headerRow: true, columns: rows[0].map((h) => ({ name: String(h), filterButton: true })), rows: rows.slice(1) as ExcelJS.CellValue[][] });
    ws.getColumn(3).width = 33;
    const { stream } = await expectSameOutput(await saveTmp(wb));
    const out = await loadXlsx(stream);
    expect(tablesOf(out, "Customers")[0].columns.length).toBe(rows[0].length + 8);
    // user text that looks like a formula is still text
    expect(cellValues(out, "Customers").get("B2")).toBe("=HYPERLINK 不是公式");
    expect((out.getWorksheet("Customers") as ExcelJS.Worksheet).getColumn(3).width).toBe(33);
  });
});

describe("a list with blank rows inside it (gaps)", () => {
  it("keeps every customer's cells and writes each sheet row once, in order", async () => {
    const header: Cell[] = ["客户编号", "客户名称", "所属行业", "联系人", "最近沟通时间", "客户等级", "跟进优先级", "需求匹配度", "合作可能性"];
    const row = (id: string, name: string): Cell[] => [id, name, "制造业", "王*", 45400, "重点", "高", 5, 4];
    // rows 3, 4 and 6 have no <row> element at all: the output columns' blanks land on rows the part lacks
    const { stream } = await expectSameOutput(await saveTmp(workbookFrom({ 客户信息: [header, row("C001", "甲"), [], [], row("C002", "乙"), [], row("C003", "丙")] })));
    const out = cellValues(await loadXlsx(stream), "客户信息");
    expect([out.get("A5"), out.get("B5"), out.get("A7"), out.get("B7")]).toEqual(["C002", "乙", "C003", "丙"]);
    const zip = await JSZip.loadAsync(await readFile(stream));
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const rows = [...(await (zip.file(name) as JSZip.JSZipObject).async("string")).matchAll(/<row\b[^>]*?\sr="(\d+)"/g)].map((m) => Number(m[1]));
      expect([name, rows.every((r, i) => i === 0 || r > rows[i - 1])]).toEqual([name, true]);
    }
  });
});

describe("cells the streaming path writes", () => {
  it("keeps text that starts with = + - @ as inline text, never a formula", () => {
    for (const s of ["=SUM(A1:A3)", "+86 138", "-1", "@x"]) {
      const xml = cellXml(1, 2, 0, s);
      expect(xml).toContain('t="inlineStr"');
      expect(xml).not.toContain("<f>");
    }
    expect(cellXml(0, 0, 3, "")).toBe('<c r="A1" s="3"/>');
    expect(cellXml(0, 0, 0, "")).toBe("");
    expect(cellXml(0, 27, 0, 1.5)).toBe('<c r="AB1"><v>1.5</v></c>');
    expect(cellXml(0, 0, 0, "a<b & \"c\"")).toContain("a&lt;b &amp; &quot;c&quot;");
  });
});
