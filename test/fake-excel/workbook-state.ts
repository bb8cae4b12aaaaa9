/** FakeWorkbookState: the fake's workbook plus the inspection and set-up API tests use directly. */
import { checkOnSheet, columnIndex, fullAddress, parseAddress, Rect } from "./address";
import { applyWritten, interpretInput, textOf } from "./cells";
import { fail } from "./errors";
import { passes } from "./filter";
import {
  AutoFilterState,
  Cell,
  ChartState,
  ConditionalFormatState,
  isBlank,
  hasFormatting,
  key,
  newCell,
  newSheet,
  SheetState,
  TableState,
  ValidationState,
  CellValue,
} from "./state";

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export interface CellView {
  value: CellValue;
  formula?: string;
  quotePrefix: boolean;
  numberFormat: string;
  fill?: string;
  font: { bold?: boolean; color?: string };
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface TableView {
  name: string;
  address: string;
  style: string;
  showTotals: boolean;
  headers: CellValue[];
}

export class SheetView {
  constructor(private readonly wb: FakeWorkbookState, private readonly s: SheetState) {}
  get name(): string { return this.s.name; }
  get frozenRows(): number { return this.s.frozenRows; }
  get protected(): boolean { return this.s.protected; }
  get tabColor(): string { return this.s.tabColor; }
  get visibility(): string { return this.s.visibility; }
  get autoFilter(): { address: string; criteria: Record<number, unknown> } | null {
    const af = this.s.autoFilter;
    return af ? { address: fullAddress(this.s.name, af.rect), criteria: Object.fromEntries(af.criteria) } : null;
  }
  cell(address: string): CellView {
    const { rect } = parseAddress(address);
    const c = this.s.cells.get(key(rect.row, rect.col)) ?? newCell();
    return {
      value: c.value,
      formula: c.formula,
      quotePrefix: c.quotePrefix === true,
      numberFormat: c.numberFormat,
      fill: c.fill,
      font: { ...c.font },
      wrapText: c.wrapText,
      horizontalAlignment: c.horizontalAlignment,
    };
  }
  values(address: string): CellValue[][] {
    const { rect } = parseAddress(address);
    return this.wb.readGrid(this.s, rect, (c) => c?.value ?? "");
  }
  tables(): TableView[] {
    return this.wb.tables
      .filter((t) => t.sheet === this.s && !t.deleted)
      .map((t) => ({
        name: t.name,
        address: fullAddress(this.s.name, t.rect),
        style: t.style,
        showTotals: t.showTotals,
        headers: this.wb.readGrid(this.s, { ...t.rect, rows: 1 }, (c) => c?.value ?? "")[0],
      }));
  }
  validationAt(address: string): ValidationState | undefined {
    const { rect } = parseAddress(address);
    const v = this.s.cells.get(key(rect.row, rect.col))?.validation;
    return v ? jsonClone(v) : undefined;
  }
  conditionalFormats(): Array<Omit<ConditionalFormatState, "rect"> & { address: string; priority: number }> {
    return this.s.conditionalFormats.map((cf, priority) => {
      const { rect, ...rest } = jsonClone(cf);
      return { ...rest, address: fullAddress(this.s.name, rect), priority };
    });
  }
  charts(): ChartState[] {
    return this.s.charts.map((c) => jsonClone(c));
  }
  columnWidth(col: string | number): number | undefined {
    return this.s.columnWidths.get(typeof col === "number" ? col : columnIndex(col));
  }
  /** 1-based row numbers hidden by the sheet's or a table's AutoFilter. */
  hiddenRows(): number[] {
    return [...this.wb.hiddenRowSet(this.s)].sort((a, b) => a - b).map((r) => r + 1);
  }
}

function jsonClone<T>(v: T): T {
  // JSON round trip keeps the fake free of host-specific cloning APIs; Maps never reach here.
  return JSON.parse(JSON.stringify(v)) as T;
}

export class FakeWorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  activeSheetId: string | null = null;
  private ids = 0;

  nextId(prefix: string): string {
    this.ids += 1;
    return `${prefix}{${this.ids}}`;
  }

  // ---- lookups used by the proxies ----
  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower);
  }
  requireSheet(name: string): SheetState {
    return this.findSheet(name) ?? fail("ItemNotFound", `The worksheet '${name}' doesn't exist.`);
  }
  liveTables(): TableState[] {
    return this.tables.filter((t) => !t.deleted && !t.sheet.deleted);
  }
  findTable(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.liveTables().find((t) => t.name.toLowerCase() === lower);
  }

  validateSheetName(name: string): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      fail("InvalidArgument", `'${name}' is not a valid worksheet name.`);
    }
    if (name.toLowerCase() === "history") fail("InvalidArgument", "'History' is a reserved worksheet name.");
  }

  createSheet(name: string): SheetState {
    this.validateSheetName(name);
    if (this.findSheet(name)) fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
    const s = newSheet(this.nextId("sheet"), name);
    this.sheets.push(s);
    if (this.activeSheetId === null) this.activeSheetId = s.id;
    return s;
  }

  cellFor(sheet: SheetState, row: number, col: number): Cell {
    const k = key(row, col);
    let c = sheet.cells.get(k);
    if (!c) {
      c = newCell();
      sheet.cells.set(k, c);
    }
    return c;
  }

  readGrid<T>(sheet: SheetState, r: Rect, f: (c: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < r.rows; i++) {
      const row: T[] = [];
      for (let j = 0; j < r.cols; j++) row.push(f(sheet.cells.get(key(r.row + i, r.col + j))));
      out.push(row);
    }
    return out;
  }

  /** Bounding box of cells with values (valuesOnly) or with values or formatting. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
    for (const [k, c] of sheet.cells) {
      if (isBlank(c) && (valuesOnly || !hasFormatting(c))) continue;
      const [r, col] = k.split(",").map(Number);
      r1 = Math.min(r1, r); c1 = Math.min(c1, col); r2 = Math.max(r2, r); c2 = Math.max(c2, col);
    }
    if (!valuesOnly) {
      for (const t of this.liveTables()) {
        if (t.sheet !== sheet) continue;
        r1 = Math.min(r1, t.rect.row); c1 = Math.min(c1, t.rect.col);
        r2 = Math.max(r2, t.rect.row + t.rect.rows - 1); c2 = Math.max(c2, t.rect.col + t.rect.cols - 1);
      }
    }
    if (r2 < 0) return null;
    return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }

  /** Inserts `n` cells at `fromRow` in columns [col, col+cols): what adding table rows does below a table. */
  shiftDown(sheet: SheetState, fromRow: number, col: number, cols: number, n: number): void {
    const moved: Array<[number, number, Cell]> = [];
    for (const [k, c] of sheet.cells) {
      const [r, cc] = k.split(",").map(Number);
      if (r >= fromRow && cc >= col && cc < col + cols) moved.push([r, cc, c]);
    }
    for (const [r, cc] of moved) sheet.cells.delete(key(r, cc));
    for (const [r, cc, c] of moved) sheet.cells.set(key(r + n, cc), c);
  }

  shiftRight(sheet: SheetState, row: number, rows: number, fromCol: number, n: number): void {
    const moved: Array<[number, number, Cell]> = [];
    for (const [k, c] of sheet.cells) {
      const [r, cc] = k.split(",").map(Number);
      if (cc >= fromCol && r >= row && r < row + rows) moved.push([r, cc, c]);
    }
    for (const [r, cc] of moved) sheet.cells.delete(key(r, cc));
    for (const [r, cc, c] of moved) sheet.cells.set(key(r, cc + n), c);
  }

  hiddenRowSet(sheet: SheetState): Set<number> {
    const hidden = new Set<number>();
    const filters: AutoFilterState[] = [];
    if (sheet.autoFilter) filters.push(sheet.autoFilter);
    for (const t of this.liveTables()) if (t.sheet === sheet && t.autoFilter) filters.push(t.autoFilter);
    for (const af of filters) {
      // The first row of a filter range is its header and is never hidden.
      for (let r = af.rect.row + 1; r < af.rect.row + af.rect.rows; r++) {
        for (const [colOffset, crit] of af.criteria) {
          if (!passes(crit, sheet.cells.get(key(r, af.rect.col + colOffset)))) {
            hidden.add(r);
            break;
          }
        }
      }
    }
    return hidden;
  }

  // ---- inspection / set-up API for tests (not part of Excel) ----
  sheetNames(): string[] {
    return this.liveSheets().map((s) => s.name);
  }

  sheet(name: string): SheetView {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake-excel: no sheet named '${name}'`);
    return new SheetView(this, s);
  }

  /** Creates a sheet with values written as typed input (so "=…" becomes a formula, as in Excel). */
  addSheet(name: string, values: unknown[][] = [], options: { origin?: string } = {}): SheetView {
    const s = this.createSheet(name);
    const origin = parseAddress(options.origin ?? "A1").rect;
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const w = interpretInput(v, "General");
        if (w === undefined || (w.value === "" && w.formula === undefined)) return;
        applyWritten(this.cellFor(s, origin.row + i, origin.col + j), w);
      }),
    );
    return new SheetView(this, s);
  }

  addTable(sheetName: string, address: string, name?: string): TableView {
    const s = this.requireSheet(sheetName);
    const rect = checkOnSheet(parseAddress(address).rect);
    const t = this.createTable(s, rect, true);
    if (name !== undefined) this.renameTable(t, name);
    return new SheetView(this, s).tables().find((v) => v.name === t.name) as TableView;
  }

  protect(sheetName: string): void {
    this.requireSheet(sheetName).protected = true;
  }

  unprotect(sheetName: string): void {
    this.requireSheet(sheetName).protected = false;
  }

  // ---- tables (shared by the proxies and the set-up API) ----
  createTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    if (sheet.protected) fail("AccessDenied", `The worksheet '${sheet.name}' is protected.`);
    let r = rect;
    if (!hasHeaders) {
      // Excel adds a header row above data that has none; the data moves down one row.
      this.shiftDown(sheet, rect.row, rect.col, rect.cols, 1);
      r = { ...rect, rows: rect.rows + 1 };
    }
    if (r.rows < 2 && hasHeaders) r = { ...r, rows: 2 };
    for (const t of this.liveTables()) {
      if (t.sheet === sheet && overlaps(t.rect, r)) fail("MergedRangeConflict");
    }
    const t: TableState = {
      id: this.nextId("table"),
      name: this.defaultTableName(),
      sheet,
      rect: r,
      style: "TableStyleMedium2",
      showTotals: false,
      autoFilter: null,
      deleted: false,
    };
    this.normalizeHeaders(t, !hasHeaders);
    this.tables.push(t);
    return t;
  }

  /** Header cells become unique, non-blank text, as Excel makes them. */
  normalizeHeaders(t: TableState, generated: boolean): void {
    const seen = new Set<string>();
    for (let j = 0; j < t.rect.cols; j++) {
      const c = this.cellFor(t.sheet, t.rect.row, t.rect.col + j);
      let base = generated || isBlank(c) ? `Column${j + 1}` : textOf(c);
      let name = base;
      let n = 2;
      while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
      seen.add(name.toLowerCase());
      base = name;
      c.value = base;
      delete c.formula;
    }
  }

  private defaultTableName(): string {
    let n = 1;
    while (this.findTable(`Table${n}`)) n++;
    return `Table${n}`;
  }

  renameTable(t: TableState, name: string): void {
    const valid = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) && name.length <= 255;
    const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name);
    if (!valid || looksLikeRef) fail("InvalidArgument", `'${name}' is not a valid table name.`);
    const other = this.findTable(name);
    // Table names share one namespace across the workbook (they are defined names).
    if (other && other !== t) fail("ItemAlreadyExists", `A table named '${name}' already exists.`);
    t.name = name;
  }

  // ---- whole-state views ----
  toJSON(): unknown {
    return {
      activeSheet: this.sheets.find((s) => s.id === this.activeSheetId)?.name ?? null,
      sheets: this.liveSheets().map((s) => ({
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        protected: s.protected,
        frozenRows: s.frozenRows,
        columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
        cells: [...s.cells]
          .filter(([, c]) => !isBlank(c) || hasFormatting(c))
          .map(([k, c]) => {
            const [r, col] = k.split(",").map(Number);
            return [r, col, c] as const;
          })
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([r, col, c]) => ({ address: fullAddress(s.name, { row: r, col, rows: 1, cols: 1 }), ...c })),
        conditionalFormats: new SheetView(this, s).conditionalFormats(),
        charts: s.charts,
        autoFilter: new SheetView(this, s).autoFilter,
      })),
      tables: this.liveTables().map((t) => ({
        name: t.name,
        address: fullAddress(t.sheet.name, t.rect),
        style: t.style,
        showTotals: t.showTotals,
        autoFilter: t.autoFilter ? Object.fromEntries(t.autoFilter.criteria) : null,
      })),
    };
  }

  /** Stable hash (cyrb53) of the whole state: equal hashes mean nothing observable changed. */
  hash(): string {
    const text = JSON.stringify(this.toJSON());
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  }
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

