/** A small ExcelJS workbook like the product's Summary, plus the four chart specs bound to it. */
import ExcelJS from "exceljs";
import type { XlsxChartSpec } from "../../src/xlsx/charts";

export const SUMMARY = "分析汇总";
export const TREND_SHEET = "趋势 & <月度>";

export const TIERS: [string, number, number][] = [
  ["A (高价值)", 12, 880000],
  ["B (潜力)", 20, 540000],
  ["C (普通)", 35, 310000],
  ["D (流失风险)", 8, 90000],
];
export const INDUSTRIES: [string, number, number][] = [
  ["制造业", 15, 4.2],
  ["零售 & 批发", 11, 3.6],
  ["金融", 7, 3.1],
  ["<互联网>", 9, 4.5],
  ["教育", 4, 2.8],
];
export const DEMANDS: [string, number][] = [
  ["高端产品线", 0.4],
  ["标准化服务", 0.3],
  ["定制开发", 0.2],
  ["培训", 0.1],
];
export const MONTHS: [string, number, number][] = [
  ["2024-01", 30, 12],
  ["2024-02", 42, 18],
  ["2024-03", 38, 15],
  ["2024-04", 55, 25],
  ["2024-05", 61, 22],
];

// 1×1 red PNG, so the summary sheet already has a drawing (images) the charts must join
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

export async function buildWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // the customer sheet comes first, so 分析汇总 is not sheet1.xml's natural guess
  const customers = wb.addWorksheet("客户");
  customers.addTable({
    name: "Customers",
    ref: "A1",
    columns: [{ name: "客户名称" }, { name: "所属行业" }, { name: "客户等级" }, { name: "金额" }],
    rows: [
      ["华东精密制造", "制造业", "A (高价值)", 320000],
      ["星河零售", "零售 & 批发", "B (潜力)", 120000],
      ["蓝海金融", "金融", "C (普通)", 45000],
    ],
  });
  for (let r = 2; r <= 4; r++) {
    customers.getCell(`C${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"A (高价值),B (潜力),C (普通),D (流失风险)"'],
    };
  }

  const s = wb.addWorksheet(SUMMARY, {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  s.getCell("A2").value = "客户等级";
  s.getCell("B2").value = "客户数";
  s.getCell("C2").value = "金额";
  TIERS.forEach((row, i) => s.getRow(3 + i).getCell(1).value = row[0]);
  TIERS.forEach((row, i) => { s.getCell(3 + i, 2).value = row[1]; s.getCell(3 + i, 3).value = row[2]; });
  s.getCell("E2").value = "行业";
  s.getCell("F2").value = "客户数";
  s.getCell("G2").value = "平均意向度";
  INDUSTRIES.forEach((row, i) => row.forEach((v, j) => (s.getCell(3 + i, 5 + j).value = v)));
  s.getCell("I2").value = "需求类型";
  s.getCell("J2").value = "占比";
  DEMANDS.forEach((row, i) => row.forEach((v, j) => (s.getCell(3 + i, 9 + j).value = v)));
  s.getCell("A10").value = "月份";
  s.getCell("B10").value = "沟通次数";
  s.getCell("C10").value = "需求数";
  MONTHS.forEach((row, i) => row.forEach((v, j) => (s.getCell(11 + i, 1 + j).value = v)));
  s.getColumn(1).width = 14;
  s.getColumn(5).width = 12;
  s.getColumn(9).width = 12;
  // a data bar makes ExcelJS write a worksheet extLst, which must stay after <drawing>
  s.addConditionalFormatting({ ref: "B3:B6", rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] }] });
  s.addImage(wb.addImage({ base64: PNG_BASE64, extension: "png" }), "L2:L3");

  wb.addWorksheet(TREND_SHEET).getCell("A1").value = "月度趋势";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const q = `'${SUMMARY}'`;

export const CHARTS: XlsxChartSpec[] = [
  {
    sheetName: SUMMARY, name: "ci-tier-pie", type: "pie", title: "客户等级分布",
    categories: `${q}!$A$3:$A$6`,
    series: [{ name: { ref: `${q}!$B$2` }, values: `${q}!$B$3:$B$6` }],
    anchor: { from: { row: 17, col: 0 }, to: { row: 35, col: 5 } },
  },
  {
    sheetName: SUMMARY, name: "ci-industry-column", type: "column", title: "行业分布 & 意向度",
    categories: `${q}!$E$3:$E$7`,
    series: [
      { name: { ref: `${q}!$F$2` }, values: `${q}!$F$3:$F$7` },
      { name: { ref: `${q}!$G$2` }, values: `${q}!$G$3:$G$7` },
    ],
    anchor: { from: { row: 17, col: 5 }, to: { row: 35, col: 11 } },
  },
  {
    sheetName: SUMMARY, name: "ci-demand-bar", type: "bar", title: "需求类型占比",
    categories: `${q}!$I$3:$I$6`,
    series: [{ name: "占比 <需求>", values: `${q}!$J$3:$J$6` }],
    anchor: { from: { row: 36, col: 0 }, to: { row: 54, col: 5 } },
  },
  {
    sheetName: SUMMARY, name: "ci-trend-line", type: "line", title: "月度沟通与需求趋势",
    categories: `${q}!$A$11:$A$15`,
    series: [
      { name: { ref: `${q}!$B$10` }, values: `${q}!$B$11:$B$15` },
      { name: { ref: `${q}!$C$10` }, values: `${q}!$C$11:$C$15` },
    ],
    anchor: { from: { row: 36, col: 5 }, to: { row: 54, col: 11 } },
  },
  {
    // on a sheet with no drawing yet, bound to another sheet's cells, cache given by the caller
    sheetName: TREND_SHEET, name: "ci-trend-copy", type: "line", title: "沟通次数 & <合计>",
    categories: `${q}!$A$11:$A$15`,
    series: [{ name: "沟通次数", values: `${q}!$B$11:$B$15` }],
    anchor: { from: { row: 2, col: 0 }, to: { row: 20, col: 7 } },
    cache: { categories: MONTHS.map((m) => m[0]), series: [MONTHS.map((m) => m[1])] },
  },
];
