/**
 * Browser entry of the strict Excel fake, for the pane's browser tests: exposes the factory and a
 * few set-up helpers as `window.__fakeExcelKit`. The page's init script (harness.ts) creates the
 * fake, prepares its workbook and installs it as the `Excel` and `Office` globals.
 */
import { createFakeExcel, FakeExcelError, type FakeExcel } from "../fake-excel/index";
import { applyWritten, interpretInput } from "../fake-excel/cells";

/** Type rows into a table below its header, as a person would, growing the table (cf. test/excel/fixtures.ts). */
function typeIntoTable(fake: FakeExcel, tableName: string, rows: unknown[][]): void {
  const st = fake.workbook;
  const t = st.findTable(tableName);
  if (!t) throw new Error(`no table ${tableName}`);
  const formats = Array.from({ length: t.rect.cols }, (_, j) => st.cellFor(t.sheet, t.rect.row + 1, t.rect.col + j).numberFormat);
  rows.forEach((line, i) => {
    for (let j = 0; j < t.rect.cols; j++) {
      const cell = st.cellFor(t.sheet, t.rect.row + 1 + i, t.rect.col + j);
      cell.numberFormat = formats[j];
      const w = interpretInput(line[j] ?? "", cell.numberFormat);
      if (w) applyWritten(cell, w);
    }
  });
  t.rect = { ...t.rect, rows: Math.max(2, rows.length + 1) };
}

const kit = { createFakeExcel, FakeExcelError, typeIntoTable };
export type FakeExcelKit = typeof kit;

(globalThis as unknown as { __fakeExcelKit: FakeExcelKit }).__fakeExcelKit = kit;
