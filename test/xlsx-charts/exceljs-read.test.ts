/** ExcelJS still reads the charted file; values, the table and validation survive. */
import ExcelJS from "exceljs";
import { addChartsToXlsx } from "../../src/xlsx/charts";
import { buildWorkbook, CHARTS, INDUSTRIES, SUMMARY, TIERS, TREND_SHEET } from "./fixture";

describe("ExcelJS reads a charted workbook", () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const out = await addChartsToXlsx(await buildWorkbook(), CHARTS);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
  });

  it("keeps the sheets in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["客户", SUMMARY, TREND_SHEET]);
  });

  it("keeps the summary values", () => {
    const s = wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    TIERS.forEach(([label, count, amount], i) => {
      expect([s.getCell(3 + i, 1).value, s.getCell(3 + i, 2).value, s.getCell(3 + i, 3).value]).toEqual([label, count, amount]);
    });
    expect(s.getCell("E4").value).toBe(INDUSTRIES[1][0]);
    expect(s.getCell("A11").value).toBe("2024-01");
  });

  it("keeps the customer table and its list validation", () => {
    const c = wb.getWorksheet("客户") as ExcelJS.Worksheet;
    // on read, ExcelJS keeps the table model under .table (its typings do not say so)
    const table = c.getTable("Customers") as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(table.table.tableRef).toBe("A1:D4");
    expect(table.table.columns.map((col) => col.name)).toEqual(["客户名称", "所属行业", "客户等级", "金额"]);
    expect(c.getCell("A2").value).toBe("华东精密制造");
    expect(c.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"A (高价值),B (潜力),C (普通),D (流失风险)"'] });
  });

  it("keeps the summary image", () => {
    expect((wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet).getImages()).toHaveLength(1);
  });
});
