import type { CellValue } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { findTable } from "../plan/snapshot";

/** One row of the ChangeLog table, as read back from the workbook. */
export interface LogRow {
  time: string;
  action: string;
  sheet: string;
  key: CellValue;
  column: string;
  old: CellValue;
  new: CellValue;
}

export interface Run {
  time: string;
  rows: LogRow[];
}

/** The ChangeLog table's rows in order (blank rows skipped); null when the workbook has no ChangeLog table. */
export function readLog(snapshot: WorkbookSnapshot): LogRow[] | null {
  const found = findTable(snapshot, "ChangeLog");
  if (!found) return null;
  const { sheet, table } = found;
  const out: LogRow[] = [];
  for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    const cell = (i: number): CellValue => {
      const v = line[table.firstCol - sheet.originCol + i];
      return v === undefined || v === null ? "" : v;
    };
    const cells = [0, 1, 2, 3, 4, 5, 6].map(cell);
    if (cells.every((v) => v === "")) continue;
    out.push({ time: String(cells[0]), action: String(cells[1]), sheet: String(cells[2]), key: cells[3], column: String(cells[4]), old: cells[5], new: cells[6] });
  }
  return out;
}

/**
 * The clean run Undo should reverse: runs are consecutive log rows with one time and action;
 * each "clean" run is pushed on a stack and each "undoClean" run pops one, so undoing twice walks
 * back through two cleans and a clean that was already undone is never undone again.
 */
export function lastCleanRun(rows: readonly LogRow[]): Run | null {
  const stack: Run[] = [];
  let i = 0;
  while (i < rows.length) {
    const { time, action } = rows[i];
    let j = i;
    while (j < rows.length && rows[j].time === time && rows[j].action === action) j++;
    if (action === "clean") stack.push({ time, rows: rows.slice(i, j) });
    else if (action === "undoClean") stack.pop();
    i = j;
  }
  return stack[stack.length - 1] ?? null;
}
