import { promises as fs } from "node:fs";
import type ExcelJS from "exceljs";
import { sheetRangeRef } from "../core/plan/a1";
import type { WorkbookPlan } from "../core/plan/types";
import { addChartsToXlsx, type XlsxChartSpec } from "./charts";
import { workbookBuffer } from "./file";

/** The plan's charts as package specs: first column categories, first row series names. */
export function chartSpecs(plan: WorkbookPlan): XlsxChartSpec[] {
  const specs: XlsxChartSpec[] = [];
  for (const sp of plan.sheets) {
    for (const c of sp.charts) {
      const { row, col, rowCount, colCount } = c.source;
      const categories = sheetRangeRef(sp.name, { row: row + 1, col, rowCount: rowCount - 1, colCount: 1 });
      const series = [];
      for (let j = 1; j < colCount; j++) {
        series.push({
          name: { ref: sheetRangeRef(sp.name, { row, col: col + j, rowCount: 1, colCount: 1 }) },
          values: sheetRangeRef(sp.name, { row: row + 1, col: col + j, rowCount: rowCount - 1, colCount: 1 }),
        });
      }
      specs.push({ sheetName: sp.name, name: c.name, type: c.type, title: c.title, categories, series, anchor: { from: c.from, to: c.to } });
    }
  }
  return specs;
}

/** Write the workbook, then add the plan's native charts to the package. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string, plans: WorkbookPlan[]): Promise<void> {
  let buf = await workbookBuffer(wb);
  const charts = plans.flatMap(chartSpecs);
  if (charts.length) buf = await addChartsToXlsx(buf, charts);
  await fs.writeFile(file, buf);
}
