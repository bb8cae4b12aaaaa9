/**
 * A tiny pure stand-in for the shells: apply a plan's sheets, writes and tables to a snapshot,
 * so tests can read the result back (readLedger, insertTemplate, scoreAndTier). Formats,
 * validation and the change log are not cell values and are ignored here.
 */
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { WorkbookPlan } from "../../src/core/plan/types";

/** The sheet's used range as a grid from A1 (origin 0,0), rows padded to one width. */
export function gridOf(sheet: SheetSnapshot): CellValue[][] {
  const width = sheet.originCol + Math.max(0, ...sheet.values.map((r) => r.length));
  const height = sheet.originRow + sheet.values.length;
  const grid: CellValue[][] = [];
  for (let r = 0; r < height; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      const v = sheet.values[r - sheet.originRow]?.[c - sheet.originCol];
      line.push(v === undefined || v === null ? "" : v);
    }
    grid.push(line);
  }
  return grid;
}

function setCell(grid: CellValue[][], row: number, col: number, v: CellValue): void {
  while (grid.length <= row) grid.push([]);
  const width = Math.max(col + 1, ...grid.map((l) => l.length));
  for (const line of grid) while (line.length < width) line.push("");
  grid[row][col] = v;
}

export function cellOf(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const v = sheet.values[row - sheet.originRow]?.[col - sheet.originCol];
  return v === undefined || v === null ? "" : v;
}

export function applyToSnapshot(snapshot: WorkbookSnapshot, plan: WorkbookPlan): WorkbookSnapshot {
  // Table objects are copied too: an "extend" below must not change the caller's snapshot.
  const sheets: SheetSnapshot[] = snapshot.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t })), values: s.values.map((r) => [...r]) }));
  const tableNames = [...snapshot.tableNames];
  for (const sp of plan.sheets) {
    let idx = sheets.findIndex((s) => s.name === sp.name);
    if (idx < 0) {
      if (!sp.ensure) continue;
      sheets.push({ name: sp.name, originRow: 0, originCol: 0, values: [], tables: [] });
      idx = sheets.length - 1;
    }
    const sheet = sheets[idx];
    const grid = gridOf(sheet);
    for (const r of sp.clear) for (let row = r.row; row < r.row + r.rowCount && row < grid.length; row++) for (let col = r.col; col < r.col + r.colCount; col++) if (grid[row] && col < grid[row].length) grid[row][col] = "";
    const tables: TableSnapshot[] = sheet.tables.filter((t) => !sp.tables.some((p) => p.mode === "replace" && p.name.toLowerCase() === t.name.toLowerCase()));
    for (const w of sp.writes) w.values.forEach((line, i) => line.forEach((v, j) => setCell(grid, w.row + i, w.col + j, v)));
    for (const t of sp.tables) {
      const existing = tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
      if (t.mode === "extend") {
        if (!existing) continue;
        t.headers.forEach((h, i) => setCell(grid, t.range.row, existing.firstCol + existing.headers.length + i, h));
        existing.headers = [...existing.headers, ...t.headers];
        continue;
      }
      if (existing && t.mode === "create") continue;
      t.headers.forEach((h, i) => setCell(grid, t.range.row, t.range.col + i, h));
      tables.push({ name: t.name, headerRow: t.range.row, firstCol: t.range.col, rowCount: t.range.rowCount - 1, headers: [...t.headers] });
      if (!tableNames.some((n) => n.toLowerCase() === t.name.toLowerCase())) tableNames.push(t.name);
    }
    // Trailing empty rows are not part of a used range.
    while (grid.length && grid[grid.length - 1].every((v) => v === "")) grid.pop();
    sheets[idx] = { ...sheet, originRow: 0, originCol: 0, values: grid, tables };
  }
  return { sheets, tableNames };
}
