import type ExcelJS from "exceljs";
import { sheetNames } from "../core/layout/sheets";
import type { WorkbookPlan } from "../core/plan/types";

/** Append change-log rows to the ChangeLog table, filling its blank first row when it has one. */
export function appendChangeLog(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  // The ChangeLog table is found by name wherever it is; its sheet has either language's name.
  const ws = wb.worksheets.find((w) => w.getTable("ChangeLog")) ?? sheetNames("changeLog").map((n) => wb.getWorksheet(n)).find(Boolean);
  const loaded = ws?.getTable("ChangeLog") as unknown as { table: { tableRef: string; autoFilterRef?: string } } | undefined;
  if (!ws || !loaded) return;
  const [tl, br] = loaded.table.tableRef.split(":");
  const startCol = tl.replace(/\d+/g, "");
  const endCol = br.replace(/\d+/g, "");
  let last = Number(br.replace(/[A-Z]+/g, ""));
  const firstData = Number(tl.replace(/[A-Z]+/g, "")) + 1;
  const firstCol = ws.getColumn(startCol).number;
  const blankFirst = last === firstData && ws.getRow(firstData).getCell(firstCol).value == null;
  let next = blankFirst ? firstData : last + 1;
  for (const e of plan.changeLog) {
    const row = ws.getRow(next);
    [e.time, e.action, e.sheet, e.key, e.column, e.old, e.new].forEach((v, i) => {
      const cell = row.getCell(firstCol + i);
      // Old and new values are data a person typed: kept as they were, text stays text.
      cell.value = v === "" ? null : v;
    });
    last = next;
    next++;
  }
  const ref = `${tl}:${endCol}${last}`;
  loaded.table.tableRef = ref;
  loaded.table.autoFilterRef = ref;
}
