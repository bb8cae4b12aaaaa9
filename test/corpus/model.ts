/**
 * A neutral description of a workbook (sheets → 2-D values, tables, protection, merges, hidden or
 * filtered rows), and converters to the two shells' worlds: an ExcelJS workbook (the xlsx shell)
 * and the strict fake's state (the Office.js shell). Both converters put the same values in the
 * same cells, so a case means the same thing to both shells.
 *
 * What only one side can express is said where it is: the fake has no merged cells and no row
 * visibility of its own (rows are hidden only by an AutoFilter), so `merges` and `hiddenRows` are
 * xlsx-only; `filter` (an AutoFilter on a table) works on both.
 */
import ExcelJS from "exceljs";
import { isoToSerial } from "../../src/core/mapping/dates";
import { parseCellAddress } from "../../src/core/plan/a1";
import type { CellValue } from "../../src/core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/core/plan/snapshot";
import type { FakeExcel } from "../fake-excel/index";

/** A formula with the result Excel cached for it (what `Range.values` returns). */
export interface NFormula {
  formula: string;
  result: CellValue;
}

/** An error value (#N/A, #DIV/0!, #REF!…): ExcelJS `{ error }`, Office.js the text "#N/A". */
export interface NError {
  error: "#N/A" | "#DIV/0!" | "#REF!" | "#VALUE!" | "#NAME?";
}

/** A real date cell (not text): ExcelJS a Date, Office.js a serial with a date format. */
export interface NDate {
  date: string;
}

export type NValue = CellValue | null | NFormula | NError | NDate;

export interface NTable {
  name: string;
  /** A1 range, header row included, e.g. "A1:L4" */
  ref: string;
}

export interface NSheet {
  name: string;
  rows: NValue[][];
  /** top-left of `rows` (default A1) */
  origin?: string;
  tables?: NTable[];
  protected?: boolean;
  /** xlsx only: merged ranges (the fake has no merges) */
  merges?: string[];
  /** xlsx only: 1-based rows hidden by hand (the fake hides rows only through an AutoFilter) */
  hiddenRows?: number[];
  /** an AutoFilter on a table, hiding rows whose column (0-based in the table) is not one of `values` */
  filter?: { table: string; column: number; values: string[] };
  /** single cells anywhere (a cell at A1048576 declares a sheet of 1,048,576 rows) */
  cells?: { address: string; value: NValue }[];
}

export interface NWorkbook {
  sheets: NSheet[];
}

export const isFormula = (v: NValue): v is NFormula => typeof v === "object" && v !== null && "formula" in v;
export const isError = (v: NValue): v is NError => typeof v === "object" && v !== null && "error" in v;
export const isDate = (v: NValue): v is NDate => typeof v === "object" && v !== null && "date" in v;

/** Every cell of a sheet with a value, 0-based. */
export function sheetCells(s: NSheet): { row: number; col: number; value: NValue }[] {
  const o = parseCellAddress(s.origin ?? "A1");
  const out: { row: number; col: number; value: NValue }[] = [];
  s.rows.forEach((line, i) => line.forEach((v, j) => {
    if (v !== null && v !== "") out.push({ row: o.row + i, col: o.col + j, value: v });
  }));
  for (const c of s.cells ?? []) {
    const a = parseCellAddress(c.address);
    out.push({ row: a.row, col: a.col, value: c.value });
  }
  return out;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function serialOf(iso: string): number {
  const s = isoToSerial(iso);
  if (s === null) throw new Error(`bad date in a corpus case: ${iso}`);
  return s;
}

// ---- ExcelJS ----

function excelJsValue(v: NValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isFormula(v)) {
    const result = typeof v.result === "string" && /^#/.test(v.result) ? { error: v.result as ExcelJS.CellErrorValue["error"] } : v.result;
    return { formula: v.formula, result } as ExcelJS.CellFormulaValue;
  }
  if (isError(v)) return { error: v.error };
  if (isDate(v)) return utcDate(v.date);
  return v;
}

function tableRows(ws: ExcelJS.Worksheet, ref: string): { tl: string; headers: string[]; rows: ExcelJS.CellValue[][] } {
  const [a, b] = ref.split(":");
  const tl = parseCellAddress(a);
  const br = parseCellAddress(b);
  const headers: string[] = [];
  for (let c = tl.col; c <= br.col; c++) {
    const v = ws.getRow(tl.row + 1).getCell(c + 1).value;
    headers.push(v === null || v === undefined ? `Column${c - tl.col + 1}` : String(v));
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = tl.row + 1; r <= br.row; r++) {
    const line: ExcelJS.CellValue[] = [];
    for (let c = tl.col; c <= br.col; c++) line.push(ws.getRow(r + 1).getCell(c + 1).value);
    rows.push(line);
  }
  return { tl: a, headers, rows };
}

/** The case as an ExcelJS workbook (what a person's .xlsx file holds). */
export async function toExcelJs(n: NWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of n.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const { row, col, value } of sheetCells(s)) {
      const cell = ws.getRow(row + 1).getCell(col + 1);
      cell.value = excelJsValue(value);
      if (isDate(value)) cell.numFmt = "yyyy-mm-dd";
    }
    for (const t of s.tables ?? []) {
      const { tl, headers, rows } = tableRows(ws, t.ref);
      ws.addTable({
        name: t.name,
        displayName: t.name,
        ref: tl,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: headers.map((h) => ({ name: h, filterButton: true })),
        rows,
      });
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (s.filter) {
      // ExcelJS keeps no filter criteria on tables: the rows the filter hides are hidden, as Excel saves them.
      const t = s.tables?.find((x) => x.name === s.filter?.table);
      if (!t) throw new Error(`filter on unknown table ${s.filter.table}`);
      const [a, b] = t.ref.split(":").map(parseCellAddress);
      for (let r = a.row + 1; r <= b.row; r++) {
        const v = ws.getRow(r + 1).getCell(a.col + s.filter.column + 1).value;
        if (!s.filter.values.includes(String(v ?? ""))) ws.getRow(r + 1).hidden = true;
      }
    }
    if (s.protected) await ws.protect("", {});
  }
  return wb;
}

// ---- the strict Excel fake ----

/** The case as the fake's workbook: cells set as Excel holds them (not re-typed), then tables, filters, protection. */
export function toFake(n: NWorkbook, fake: FakeExcel): void {
  const st = fake.workbook;
  for (const s of n.sheets) {
    st.addSheet(s.name);
    const sheet = st.findSheet(s.name);
    if (!sheet) throw new Error(`fake: no sheet ${s.name}`);
    for (const { row, col, value } of sheetCells(s)) {
      const cell = st.cellFor(sheet, row, col);
      if (value === null) continue;
      if (isFormula(value)) {
        cell.formula = `=${value.formula}`;
        cell.value = value.result;
      } else if (isError(value)) {
        cell.value = value.error;
      } else if (isDate(value)) {
        cell.value = serialOf(value.date);
        cell.numberFormat = "yyyy-mm-dd";
      } else {
        cell.value = value;
        // Text Excel would otherwise parse (=…, +…, 0012) exists in a workbook only in Text-formatted cells.
        if (typeof value === "string" && /^[=+\-@]|^0\d/.test(value)) cell.numberFormat = "@";
      }
    }
    for (const t of s.tables ?? []) st.addTable(s.name, t.ref, t.name);
    if (s.filter) {
      const f = s.filter;
      const t = st.findTable(f.table);
      if (!t) throw new Error(`filter on unknown table ${f.table}`);
      t.autoFilter = { rect: { ...t.rect }, criteria: new Map([[f.column, { filterOn: "Values" as const, values: f.values }]]) };
    }
    if (s.protected) st.protect(s.name);
  }
}

/** True when the case uses something only the xlsx shell can express. */
export function xlsxOnlyFeatures(n: NWorkbook): string[] {
  const out: string[] = [];
  for (const s of n.sheets) {
    if (s.merges?.length) out.push(`merged cells on ${s.name}`);
    if (s.hiddenRows?.length) out.push(`rows hidden by hand on ${s.name}`);
  }
  return out;
}

// ---- the core's own input ----

/** Office.js `Range.values` shape of a neutral cell. */
export function officeValue(v: NValue): CellValue {
  if (v === null) return "";
  if (isFormula(v)) return v.result;
  if (isError(v)) return v.error;
  if (isDate(v)) return serialOf(v.date);
  return v;
}

/**
 * The case as the WorkbookSnapshot a shell hands the core (used range as values, tables, protection),
 * built directly: the core's runs do not depend on either shell's reader.
 */
export function toSnapshot(n: NWorkbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = n.sheets.map((s) => {
    const cells = sheetCells(s).filter((c) => officeValue(c.value) !== "");
    const tables: TableSnapshot[] = (s.tables ?? []).map((t) => {
      const [a, b] = t.ref.split(":").map(parseCellAddress);
      const headers: string[] = [];
      for (let c = a.col; c <= b.col; c++) {
        const hit = cells.find((x) => x.row === a.row && x.col === c);
        headers.push(hit ? String(officeValue(hit.value)) : `Column${c - a.col + 1}`);
      }
      return { name: t.name, headerRow: a.row, firstCol: a.col, rowCount: b.row - a.row, headers };
    });
    let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
    for (const c of cells) {
      r1 = Math.min(r1, c.row); c1 = Math.min(c1, c.col); r2 = Math.max(r2, c.row); c2 = Math.max(c2, c.col);
    }
    for (const t of tables) {
      r1 = Math.min(r1, t.headerRow); c1 = Math.min(c1, t.firstCol);
      r2 = Math.max(r2, t.headerRow + t.rowCount); c2 = Math.max(c2, t.firstCol + t.headers.length - 1);
    }
    if (r2 < 0) return { name: s.name, originRow: 0, originCol: 0, values: [], tables, protected: s.protected === true };
    const values: CellValue[][] = Array.from({ length: r2 - r1 + 1 }, () => new Array<CellValue>(c2 - c1 + 1).fill(""));
    for (const c of cells) values[c.row - r1][c.col - c1] = officeValue(c.value);
    return { name: s.name, originRow: r1, originCol: c1, values, tables, protected: s.protected === true };
  });
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}
