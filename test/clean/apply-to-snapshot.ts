/**
 * A small pure stand-in for the shells, for Clean's tests: apply a plan's sheets (clear, tables,
 * writes) AND its change log (appended to the ChangeLog table as the ExcelJS shell does, filling a
 * blank first row) to a snapshot. Formats and validation are not cell values and are ignored.
 */
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { WorkbookPlan } from "../../src/core/plan/types";

type Grid = CellValue[][];

function gridOf(sheet: SheetSnapshot): Grid {
  const width = sheet.originCol + Math.max(0, ...sheet.values.map((r) => r.length));
  const height = sheet.originRow + sheet.values.length;
  const grid: Grid = [];
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

function setCell(grid: Grid, row: number, col: number, v: CellValue): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row];
  while (line.length <= col) line.push("");
  line[col] = v;
}

/** Rectangular used range from A1, trailing blank rows and columns trimmed (tables count as used). */
function finish(sheet: SheetSnapshot, grid: Grid, tables: TableSnapshot[]): SheetSnapshot {
  let height = 0;
  let width = 0;
  grid.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== "") {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }),
  );
  for (const t of tables) {
    height = Math.max(height, t.headerRow + t.rowCount + 1);
    width = Math.max(width, t.firstCol + t.headers.length);
  }
  const values: Grid = [];
  for (let r = 0; r < height; r++) values.push(Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ""));
  return { ...sheet, originRow: 0, originCol: 0, values, tables };
}

export function applyToSnapshot(snapshot: WorkbookSnapshot, plan: WorkbookPlan): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = snapshot.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, headers: [...t.headers] })), values: s.values.map((r) => [...r]) }));
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
    for (const r of sp.clear) for (let row = r.row; row < r.row + r.rowCount; row++) for (let col = r.col; col < r.col + r.colCount; col++) if (grid[row] && col < grid[row].length) grid[row][col] = "";
    const tables = sheet.tables.filter((t) => !sp.tables.some((p) => p.mode === "replace" && p.name.toLowerCase() === t.name.toLowerCase()));
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
    sheets[idx] = finish(sheet, grid, tables);
  }
  if (plan.changeLog.length) {
    const idx = sheets.findIndex((s) => s.tables.some((t) => t.name === "ChangeLog"));
    if (idx >= 0) {
      const sheet = sheets[idx];
      const grid = gridOf(sheet);
      const t = sheet.tables.find((x) => x.name === "ChangeLog") as TableSnapshot;
      const firstData = t.headerRow + 1;
      const blankFirst = t.rowCount === 1 && (grid[firstData] ?? []).slice(t.firstCol, t.firstCol + 7).every((v) => v === "" || v === undefined);
      let next = blankFirst ? firstData : t.headerRow + t.rowCount + 1;
      for (const e of plan.changeLog) {
        [e.time, e.action, e.sheet, e.key, e.column, e.old, e.new].forEach((v, i) => setCell(grid, next, t.firstCol + i, v));
        next++;
      }
      const tables = sheet.tables.map((x) => (x === t ? { ...x, rowCount: next - 1 - t.headerRow } : x));
      sheets[idx] = finish(sheet, grid, tables);
    }
  }
  return { sheets, tableNames };
}

/** Every cell of a sheet's used range as a map "r,c" → value (blanks left out), for comparisons. */
export function cellMap(snapshot: WorkbookSnapshot, sheetName: string): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) return out;
  sheet.values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== "" && v !== undefined && v !== null) out.set(`${r + sheet.originRow},${c + sheet.originCol}`, v);
    }),
  );
  return out;
}
