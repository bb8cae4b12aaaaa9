import { InsightError } from "../core/i18n/messages";
import { serialToISO } from "../core/mapping/dates";
import { cellAddress, rangeAddress } from "../core/plan/a1";
import type { CellRange, CellValue } from "../core/plan/cells";
import type {
  CellWrite,
  ChangeLogEntry,
  ChartType,
  ConditionalFormatPlan,
  FilterPlan,
  FormatPlan,
  SheetPlan,
  TablePlan,
  ValidationOperator,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from "../core/plan/types";
import { filtersSupported, FILTER_EXCEL_API } from "./requirements";
import type { ShellSnapshot, TableLocation } from "./snapshot";
import { gridBytes, needsTextFormat, utf8Bytes, wireValue } from "./text-cells";

/**
 * Applying a WorkbookPlan through Office.js: every operation is queued, then sent in ONE request,
 * unless the queued payload would pass the budget (Excel on the web rejects requests over 5 MB):
 * then it is cut into requests at operation boundaries, big value writes in row blocks. The
 * number of requests therefore does not grow with the row count until the values alone pass the
 * budget. Order per sheet (the plan's order, with one Office.js-specific change — new table
 * columns are added before the values are written, because `columns.add` inserts cells):
 * add sheet → delete "replace" tables → clear → clear conditional formats → remove charts →
 * extend tables → values → create tables → formats → validation → conditional formats →
 * charts → widths → freeze → filter; then the change log (with the input cells it records) and
 * the sheet to activate.
 */

export interface ApplyOptions {
  /** largest estimated request; Excel on the web rejects 5 MB, the architecture keeps ~4 MB */
  requestBudget?: number;
  /** largest single value write before it is cut into row blocks */
  blockBytes?: number;
}

export interface ApplyCounts {
  sheetsCreated: number;
  tablesCreated: number;
  columnsAdded: number;
  cellsWritten: number;
  changeLogRows: number;
}

export interface ApplyResult {
  syncs: number;
  counts: ApplyCounts;
}

/**
 * Requests are filled up to 4 MB (estimates run a few % above what is sent; Excel on the web
 * rejects 5 MB). Value writes go in blocks of ~100 KB so that a request is filled to the budget
 * rather than closed early by a big block that does not fit.
 */
const DEFAULTS: Required<ApplyOptions> = { requestBudget: 4_000_000, blockBytes: 100_000 };
/** A call's path, method name and framing on the wire, beyond its arguments (measured ~100–200 bytes). */
const CALL_BYTES = 250;
/** Below this many text cells in a column, each gets its own "@"; above, the column gets a 2-D format array. */
const PER_CELL_TEXT_LIMIT = 16;

interface Op {
  bytes: number;
  /** ops of one group go in one request when the group fits one */
  group?: string;
  run: () => void;
}

type Ws = Excel.Worksheet;

const CHART_TYPES: Record<ChartType, "Pie" | "ColumnClustered" | "BarClustered" | "Line"> = {
  pie: "Pie",
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
};

/** Conditional formats spell two operators differently from data validation (ConditionalCellValueOperator). */
const CF_OPERATORS: Record<ValidationOperator, Excel.ConditionalCellValueOperator | "Between" | "NotBetween" | "EqualTo" | "NotEqualTo" | "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual"> = {
  Between: "Between",
  NotBetween: "NotBetween",
  EqualTo: "EqualTo",
  NotEqualTo: "NotEqualTo",
  GreaterThan: "GreaterThan",
  LessThan: "LessThan",
  GreaterThanOrEqualTo: "GreaterThanOrEqual",
  LessThanOrEqualTo: "LessThanOrEqual",
};

/**
 * Office's `format.columnWidth` is in points (OfficeDev/office-js#187); plans carry Excel character
 * widths (the unit of the file format and ExcelJS). With the default font (Calibri 11, maximum
 * digit width 7 px): pixels = round(width × 7 + 5), the 5 being cell padding and gridline; a point
 * is 4/3 px at 96 dpi, so points = pixels × 0.75.
 */
export function widthToPoints(width: number): number {
  return Math.round(width * 7 + 5) * 0.75;
}

/** A single number format for every cell of the range: Range setters take one value or a 2-D array. */
function setNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

function ruleOf(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.source } };
    case "custom":
      return { custom: { formula: rule.formula } };
    case "date": {
      // Date operands are a Date, a range or a string (ISO 8601 date or formula), not a serial.
      const d = (f: string | number) => (typeof f === "number" ? serialToISO(f) : f);
      return { date: { operator: rule.operator, formula1: d(rule.formula1), ...(rule.formula2 !== undefined ? { formula2: d(rule.formula2) } : {}) } };
    }
    default:
      return { [rule.kind]: { operator: rule.operator, formula1: rule.formula1, ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}) } };
  }
}

interface Ctx {
  context: Excel.RequestContext;
  shell: ShellSnapshot;
  o: Required<ApplyOptions>;
  sheets: Map<string, Ws>;
  counts: ApplyCounts;
}

function ws(c: Ctx, name: string): Ws {
  let s = c.sheets.get(name);
  if (!s) {
    s = c.context.workbook.worksheets.getItem(name);
    c.sheets.set(name, s);
  }
  return s;
}

const rangeOf = (s: Ws, r: CellRange) => s.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);

function findTable(shell: ShellSnapshot, name: string): TableLocation | undefined {
  return shell.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

function overlaps(a: CellRange, t: TableLocation): boolean {
  return a.row < t.row + t.rowCount && t.row < a.row + a.rowCount && a.col < t.col + t.colCount && t.col < a.col + a.colCount;
}

// ---- values ----

/** Number formats for one block of a write, set before its values: the plan's per column, "@" where text must stay text. */
function formatOps(c: Ctx, sheet: string, w: CellWrite, from: number, to: number, only: (j: number) => boolean = () => true): Op[] {
  const cols = w.values[0].length;
  const ops: Op[] = [];
  let j = 0;
  while (j < cols) {
    if (!only(j)) {
      j++;
      continue;
    }
    const f = w.numberFormats?.[j];
    const text = w.kind === "values" ? riskyRows(w, j, from, to) : [];
    if (text.length === 0 || f === "@") {
      // Runs of columns with one format and no text to protect share one call.
      let k = j;
      while (k + 1 < cols && only(k + 1) && w.numberFormats?.[k + 1] === f && (w.kind !== "values" || f === "@" || riskyRows(w, k + 1, from, to).length === 0)) k++;
      if (f !== undefined) {
        const r = { row: w.row + from, col: w.col + j, rowCount: to - from, colCount: k - j + 1 };
        ops.push({ bytes: CALL_BYTES * 2, run: () => setNumberFormat(rangeOf(ws(c, sheet), r), f) });
      }
      j = k + 1;
      continue;
    }
    const col = w.col + j;
    if (text.length <= PER_CELL_TEXT_LIMIT) {
      const r = { row: w.row + from, col, rowCount: to - from, colCount: 1 };
      if (f !== undefined) ops.push({ bytes: CALL_BYTES * 2, run: () => setNumberFormat(rangeOf(ws(c, sheet), r), f) });
      for (const i of text) ops.push({ bytes: CALL_BYTES * 2, run: () => setNumberFormat(ws(c, sheet).getRangeByIndexes(w.row + i, col, 1, 1), "@") });
    } else {
      const set = new Set(text);
      const grid: (string | null)[][] = [];
      for (let i = from; i < to; i++) grid.push([set.has(i) ? "@" : (f ?? null)]);
      ops.push({
        bytes: gridBytes(grid) + CALL_BYTES * 2,
        run: () => {
          ws(c, sheet).getRangeByIndexes(w.row + from, col, to - from, 1).numberFormat = grid;
        },
      });
    }
    j++;
  }
  return ops;
}

function riskyRows(w: CellWrite, j: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (needsTextFormat(w.values[i][j])) out.push(i);
  return out;
}

/** A run of equal values down one column: [from, to) rows of the write. */
interface Run {
  from: number;
  to: number;
  value: CellValue;
}

/** Request bytes of one scalar write besides its value: a new range (getRangeByIndexes) and the property set. */
const RUN_BYTES = CALL_BYTES;
/** Writes shorter than this are sent as they are (splitting them saves nothing worth a call). */
const RUN_MIN_ROWS = 64;

function runsDown(values: readonly CellValue[][], j: number, limit: number): Run[] | null {
  const runs: Run[] = [];
  let from = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i < values.length && values[i][j] === values[from][j]) continue;
    runs.push({ from, to: i, value: values[from][j] });
    if (runs.length > limit) return null;
    from = i;
  }
  return runs;
}

/**
 * Columns of a value write that are mostly long runs of one value (a sorted tier and its
 * recommended action, a column left blank) and the runs: each run is sent as ONE value that
 * Range.values applies to every cell of its range (Range.values reference, ExcelApi 1.1: "If the
 * argument is a single value, it will be applied to all cells in the range"; the performance
 * guide's "update all cells in a range" does the same, typed `as any` since the getter is 2-D).
 * This is what keeps the payload of Score and tier at 20,000 customers within two write requests.
 */
function runColumns(w: CellWrite, cols: number): Map<number, Run[]> {
  const out = new Map<number, Run[]>();
  const rows = w.values.length;
  if (w.kind !== "values" || rows < RUN_MIN_ROWS) return out;
  for (let j = 0; j < cols; j++) {
    // Worth it when the runs' calls take under half of the column's cells: a run per 16 rows at most.
    const runs = runsDown(w.values, j, Math.floor(rows / 16));
    if (!runs) continue;
    const column = gridBytes(w.values.map((r) => [r[j]]));
    const scalar = runs.reduce((n, r) => n + RUN_BYTES + gridBytes([[r.value]]), 0);
    if (scalar * 2 < column) out.set(j, runs);
  }
  return out;
}

/** One column written run by run: its format for the whole height, "@" where a run's text must stay text, then one value per run. */
function runOps(c: Ctx, sheet: string, w: CellWrite, j: number, runs: Run[]): Op[] {
  const ops: Op[] = [];
  const f = w.numberFormats?.[j];
  const col = w.col + j;
  const height = w.values.length;
  if (f !== undefined) ops.push({ bytes: RUN_BYTES, run: () => setNumberFormat(ws(c, sheet).getRangeByIndexes(w.row, col, height, 1), f) });
  for (const r of runs) {
    if (f === "@" || !needsTextFormat(r.value)) continue;
    ops.push({ bytes: RUN_BYTES, run: () => setNumberFormat(ws(c, sheet).getRangeByIndexes(w.row + r.from, col, r.to - r.from, 1), "@") });
  }
  for (const r of runs) {
    const v = wireValue(r.value);
    ops.push({
      bytes: RUN_BYTES + gridBytes([[v]]),
      run: () => {
        (ws(c, sheet).getRangeByIndexes(w.row + r.from, col, r.to - r.from, 1) as unknown as { values: CellValue }).values = v;
      },
    });
    c.counts.cellsWritten += r.to - r.from;
  }
  return ops;
}

/** A write's columns [from, to) as a write of its own. */
function columnsOf(w: CellWrite, from: number, to: number): CellWrite {
  return {
    row: w.row,
    col: w.col + from,
    kind: w.kind,
    values: w.values.map((r) => r.slice(from, to)),
    ...(w.numberFormats ? { numberFormats: w.numberFormats.slice(from, to) } : {}),
  };
}

function writeOps(c: Ctx, sheet: string, w: CellWrite): Op[] {
  const rows = w.values.length;
  const cols = rows ? w.values[0].length : 0;
  if (!rows || !cols) return [];
  if (w.values.some((r) => r.length !== cols)) throw new Error(`plan write at ${sheet}!${cellAddress(w.row, w.col)} is not rectangular`);
  const byRun = runColumns(w, cols);
  if (byRun.size === 0) return blockOps(c, sheet, w);
  const ops: Op[] = [];
  let j = 0;
  while (j < cols) {
    const runs = byRun.get(j);
    if (runs) {
      ops.push(...runOps(c, sheet, w, j, runs));
      j++;
      continue;
    }
    let k = j;
    while (k < cols && !byRun.has(k)) k++;
    ops.push(...blockOps(c, sheet, columnsOf(w, j, k)));
    j = k;
  }
  return ops;
}

/** A row's bytes inside a 2-D array: its cells, brackets and the comma after it. */
const rowBytes = (row: readonly CellValue[]) => gridBytes([row]) - 2;

/** A write in row blocks of about blockBytes, each block's formats before its values. */
function blockOps(c: Ctx, sheet: string, w: CellWrite): Op[] {
  const rows = w.values.length;
  const cols = w.values[0].length;
  // Formats go once for the whole height, except in columns where so many cells need "@" that
  // their formats travel as a grid: that grid goes block by block, with the values.
  const grid = Array.from({ length: cols }, (_, j) => w.kind === "values" && w.numberFormats?.[j] !== "@" && riskyRows(w, j, 0, rows).length > PER_CELL_TEXT_LIMIT);
  const gridded = (j: number) => grid[j];
  const ops: Op[] = formatOps(c, sheet, w, 0, rows, (j) => !gridded(j));
  let from = 0;
  while (from < rows) {
    let to = from;
    let bytes = 0;
    while (to < rows && (to === from || bytes + rowBytes(w.values[to]) <= c.o.blockBytes) && to - from < 20_000) {
      bytes += rowBytes(w.values[to]);
      to++;
    }
    ops.push(...formatOps(c, sheet, w, from, to, gridded));
    const block = w.values.slice(from, to).map((r) => (w.kind === "values" ? r.map(wireValue) : r));
    const start = from;
    ops.push({
      bytes: bytes + 2 + CALL_BYTES,
      run: () => {
        const range = ws(c, sheet).getRangeByIndexes(w.row + start, w.col, block.length, cols);
        if (w.kind === "formulas") range.formulas = block;
        else range.values = block;
      },
    });
    c.counts.cellsWritten += (to - from) * cols;
    from = to;
  }
  return ops;
}

// ---- the other plan parts ----

function formatPlanOps(c: Ctx, sheet: string, f: FormatPlan): Op[] {
  return [
    {
      bytes: CALL_BYTES * 6,
      run: () => {
        const r = rangeOf(ws(c, sheet), f.range);
        if (f.numberFormat !== undefined) setNumberFormat(r, f.numberFormat);
        if (f.fill) r.format.fill.color = f.fill;
        if (f.fontColor) r.format.font.color = f.fontColor;
        if (f.bold !== undefined) r.format.font.bold = f.bold;
        if (f.italic !== undefined) r.format.font.italic = f.italic;
        if (f.fontSize !== undefined) r.format.font.size = f.fontSize;
        if (f.wrap !== undefined) {
          r.format.wrapText = f.wrap;
          if (f.wrap) r.format.verticalAlignment = "Top";
        }
        if (f.horizontal) r.format.horizontalAlignment = f.horizontal;
      },
    },
  ];
}

function validationOp(c: Ctx, sheet: string, v: ValidationPlan): Op {
  const rule = ruleOf(v.rule);
  return {
    bytes: CALL_BYTES * 5 + utf8Bytes(JSON.stringify(rule)) + utf8Bytes(v.alert.title + v.alert.message) + (v.prompt ? utf8Bytes(v.prompt.title + v.prompt.message) : 0),
    run: () => {
      const dv = rangeOf(ws(c, sheet), v.range).dataValidation;
      // A rule replaces the old one only after clear(); ranges can hold a person's own rules.
      dv.clear();
      dv.rule = rule;
      dv.errorAlert = { showAlert: true, style: v.alert.style, title: v.alert.title, message: v.alert.message };
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      dv.ignoreBlanks = true;
    },
  };
}

function conditionalFormatOp(c: Ctx, sheet: string, cf: ConditionalFormatPlan, priority: number): Op {
  return {
    bytes: CALL_BYTES * 7,
    run: () => {
      const formats = rangeOf(ws(c, sheet), cf.range).conditionalFormats;
      if (cf.kind === "colorScale") {
        const point = (p: { value: number; color: string }): Excel.ConditionalColorScaleCriterion => ({ type: "Number", formula: String(p.value), color: p.color });
        const added = formats.add("ColorScale");
        added.colorScale.criteria = { minimum: point(cf.min), ...(cf.mid ? { midpoint: point(cf.mid) } : {}), maximum: point(cf.max) };
        added.priority = priority;
        return;
      }
      let format: Excel.ConditionalRangeFormat;
      let added: Excel.ConditionalFormat;
      if (cf.kind === "custom") {
        added = formats.add("Custom");
        added.custom.rule.formula = cf.formula;
        format = added.custom.format;
        if (cf.bold) format.font.bold = true;
      } else {
        added = formats.add("CellValue");
        added.cellValue.rule = { formula1: cf.formula1, ...(cf.formula2 !== undefined ? { formula2: cf.formula2 } : {}), operator: CF_OPERATORS[cf.operator] };
        format = added.cellValue.format;
      }
      if (cf.fill) format.fill.color = cf.fill;
      if (cf.fontColor) format.font.color = cf.fontColor;
      // Plan order is priority order (first wins), as the ExcelJS shell writes it.
      added.priority = priority;
    },
  };
}

function filterOps(c: Ctx, f: FilterPlan): Op[] {
  if (!filtersSupported()) throw new InsightError("excelTooOld", { version: FILTER_EXCEL_API });
  return [
    {
      bytes: CALL_BYTES * (2 + f.criteria.length) + utf8Bytes(JSON.stringify(f.criteria)),
      run: () => {
        const table = c.context.workbook.tables.getItem(f.table);
        table.autoFilter.clearCriteria();
        for (const k of f.criteria) {
          const criteria: Excel.FilterCriteria =
            k.kind === "values"
              ? { filterOn: "Values", values: k.values }
              : { filterOn: "Custom", criterion1: k.criterion1, ...(k.criterion2 !== undefined ? { criterion2: k.criterion2 } : {}), ...(k.operator ? { operator: k.operator } : {}) };
          table.autoFilter.apply(table.getRange(), k.column, criteria);
        }
      },
    },
  ];
}

function tableCreateOp(c: Ctx, sheet: string, t: TablePlan): Op {
  return {
    bytes: CALL_BYTES * 3,
    run: () => {
      const table = ws(c, sheet).tables.add(rangeAddress(t.range), true);
      table.name = t.name;
      table.style = t.style;
    },
  };
}

function changeLogOps(c: Ctx, plan: WorkbookPlan, group: string): Op[] {
  if (plan.changeLog.length === 0) return [];
  // The table is the workbook's, or one this plan creates (a list adopted without our template).
  const created = plan.sheets.flatMap((sp) => sp.tables.filter((t) => t.mode === "create" && t.name.toLowerCase() === "changelog").map((t) => ({ sp, t })))[0];
  const loc: TableLocation | undefined =
    findTable(c.shell, "ChangeLog") ??
    (created ? { name: created.t.name, sheet: created.sp.name, row: created.t.range.row, col: created.t.range.col, rowCount: created.t.range.rowCount, colCount: created.t.range.colCount } : undefined);
  if (!loc) return [];
  const sheet = c.shell.snapshot.sheets.find((s) => s.name === loc.sheet);
  if (sheet?.protected) throw new InsightError("sheetProtected", { sheet: loc.sheet });
  const width = loc.colCount;
  const line = (e: ChangeLogEntry): CellValue[] => {
    const v: CellValue[] = [e.time, e.action, e.sheet, e.key, e.column, e.old, e.new];
    return v.length >= width ? v.slice(0, width) : [...v, ...new Array<CellValue>(width - v.length).fill("")];
  };
  // A new ChangeLog table has exactly one data row, blank: the first entry goes there.
  const firstData = sheet?.values[loc.row + 1 - sheet.originRow] ?? [];
  const blankFirst =
    loc.rowCount === 2 && Array.from({ length: width }, (_, j) => firstData[loc.col + j - (sheet?.originCol ?? 0)] ?? "").every((v) => v === "");
  const start = blankFirst ? loc.row + 1 : loc.row + loc.rowCount;
  const rows = plan.changeLog.map(line);
  const ops: Op[] = [];
  let from = 0;
  while (from < rows.length) {
    let to = from;
    let bytes = 0;
    while (to < rows.length && (to === from || bytes + gridBytes([rows[to]]) <= c.o.blockBytes / 2)) {
      bytes += gridBytes([rows[to]]);
      to++;
    }
    const block = rows.slice(from, to);
    const add = blankFirst && from === 0 ? block.length - 1 : block.length;
    const at = start + from;
    // Rows are added blank, formatted ("@" for text, so IDs, times and "=…" stay text), then filled.
    const formats = block.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? "@" : null)));
    const blanks = Array.from({ length: add }, () => new Array<string>(width).fill(""));
    ops.push({
      group,
      bytes: bytes * 2 + gridBytes(blanks) + gridBytes(formats) + CALL_BYTES * 4,
      run: () => {
        const table = c.context.workbook.tables.getItem(loc.name);
        if (add > 0) table.rows.add(undefined, blanks);
        const target = ws(c, loc.sheet).getRangeByIndexes(at, loc.col, block.length, width);
        target.numberFormat = formats;
        target.values = block.map((r) => r.map(wireValue));
      },
    });
    c.counts.changeLogRows += block.length;
    from = to;
  }
  return ops;
}

// ---- checks before anything is queued ----

function hasWork(sp: SheetPlan): boolean {
  return (
    sp.clear.length + sp.tables.length + sp.writes.length + sp.formats.length + sp.validations.length + sp.conditionalFormats.length + sp.charts.length + sp.columnWidths.length > 0 ||
    (sp.clearConditionalFormats?.length ?? 0) > 0 ||
    sp.freezeRows !== undefined ||
    sp.filter !== undefined
  );
}

/** Refuse, before queuing anything, what Excel would refuse half-way: a failed check changes nothing. */
function check(shell: ShellSnapshot, plan: WorkbookPlan): void {
  for (const sp of plan.sheets) {
    const existing = shell.snapshot.sheets.find((s) => s.name === sp.name);
    if (existing?.protected && hasWork(sp)) throw new InsightError("sheetProtected", { sheet: sp.name });
    const replaced = new Set(sp.tables.filter((t) => t.mode === "replace").map((t) => t.name.toLowerCase()));
    for (const t of sp.tables) {
      if (t.mode === "extend") continue;
      const same = findTable(shell, t.name);
      if (t.mode === "create" && same) continue;
      if (same && same.sheet !== sp.name) throw new InsightError("tableNameTaken", { table: same.name, sheet: same.sheet });
      const other = shell.tables.find((x) => x.sheet === sp.name && !replaced.has(x.name.toLowerCase()) && overlaps(t.range, x));
      if (other) throw new InsightError("tableOverlap", { sheet: sp.name, table: t.name });
    }
  }
}

// ---- building and sending ----

function sheetOps(c: Ctx, sp: SheetPlan, logGroup: string, logged: Set<string>): { ops: Op[]; logOps: Op[] } {
  const existing = c.shell.snapshot.sheets.find((s) => s.name === sp.name);
  const ops: Op[] = [];
  const logOps: Op[] = [];
  if (!existing) {
    if (!sp.ensure) return { ops, logOps };
    ops.push({
      bytes: CALL_BYTES * 2,
      run: () => {
        const added = c.context.workbook.worksheets.add(sp.name);
        if (sp.tabColor) added.tabColor = sp.tabColor;
        c.sheets.set(sp.name, added);
      },
    });
    c.counts.sheetsCreated++;
  }
  const name = sp.name;
  const replaced = sp.tables.filter((x) => x.mode === "replace");
  // A replaced table is deleted, cleared and added anew (its header row first) in one request, so
  // an interrupted run never leaves the sheet with our data but without our table: the next run
  // would take it for someone else's sheet.
  const prelude: Op[] = [];
  for (const t of replaced) {
    const old = findTable(c.shell, t.name);
    if (old) prelude.push({ bytes: CALL_BYTES, run: () => c.context.workbook.tables.getItem(old.name).delete() });
  }
  for (const r of sp.clear) prelude.push({ bytes: CALL_BYTES * 2, run: () => rangeOf(ws(c, name), r).clear("All") });
  for (const r of sp.clearConditionalFormats ?? []) prelude.push({ bytes: CALL_BYTES * 2, run: () => rangeOf(ws(c, name), r).conditionalFormats.clearAll() });
  if (sp.removeChartsWithPrefix) {
    const prefix = sp.removeChartsWithPrefix;
    for (const chart of (c.shell.charts.get(name) ?? []).filter((n) => n.startsWith(prefix))) {
      prelude.push({ bytes: CALL_BYTES, run: () => ws(c, name).charts.getItem(chart).delete() });
    }
  }
  for (const t of replaced) {
    prelude.push(...writeOps(c, name, { row: t.range.row, col: t.range.col, kind: "values", values: [t.headers] }));
    prelude.push(tableCreateOp(c, name, t));
    c.counts.tablesCreated++;
  }
  ops.push(...(replaced.length ? prelude.map((o) => ({ ...o, group: `prelude\u0000${name}` })) : prelude));
  for (const t of sp.tables.filter((x) => x.mode === "extend")) {
    const loc = findTable(c.shell, t.name);
    if (!loc) continue;
    for (const h of t.headers) {
      // Appended at the table's right edge; the header is the column's name (ExcelApi 1.4).
      ops.push({ bytes: CALL_BYTES + utf8Bytes(h), run: () => void c.context.workbook.tables.getItem(loc.name).columns.add(undefined, undefined, h) });
      c.counts.columnsAdded++;
    }
  }
  for (const w of sp.writes) {
    const isLoggedId = w.values.length === 1 && w.values[0].length === 1 && logged.has(`${name}\u0000${String(w.values[0][0])}`);
    const wo = writeOps(c, name, w);
    if (isLoggedId) logOps.push(...wo.map((o) => ({ ...o, group: logGroup })));
    else ops.push(...wo);
  }
  for (const t of sp.tables.filter((x) => x.mode === "create")) {
    if (findTable(c.shell, t.name)) continue;
    ops.push(tableCreateOp(c, name, t));
    c.counts.tablesCreated++;
  }
  for (const f of sp.formats) ops.push(...formatPlanOps(c, name, f));
  for (const v of sp.validations) ops.push(validationOp(c, name, v));
  sp.conditionalFormats.forEach((cf, i) => ops.push(conditionalFormatOp(c, name, cf, i)));
  for (const chart of sp.charts) {
    ops.push({
      bytes: CALL_BYTES * 5 + utf8Bytes(chart.title + chart.name),
      run: () => {
        const s = ws(c, name);
        const added = s.charts.add(CHART_TYPES[chart.type], rangeOf(s, chart.source), "Auto");
        added.name = chart.name;
        added.title.text = chart.title;
        added.setPosition(cellAddress(chart.from.row, chart.from.col), cellAddress(chart.to.row, chart.to.col));
      },
    });
  }
  for (const cw of sp.columnWidths) {
    ops.push({ bytes: CALL_BYTES * 2, run: () => void (ws(c, name).getRangeByIndexes(0, cw.col, 1, 1).format.columnWidth = widthToPoints(cw.width)) });
  }
  if (sp.freezeRows !== undefined) {
    const n = sp.freezeRows;
    ops.push({ bytes: CALL_BYTES, run: () => ws(c, name).freezePanes.freezeRows(n) });
  }
  if (sp.filter) ops.push(...filterOps(c, sp.filter));
  return { ops, logOps };
}

/** Cut the ops into requests under the budget; a group goes whole into one request when it fits one. */
function pack(ops: Op[], budget: number): Op[][] {
  const chunks: Op[][] = [];
  let cur: Op[] = [];
  let bytes = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    let need = op.bytes;
    if (op.group !== undefined && (i === 0 || ops[i - 1].group !== op.group)) {
      for (let k = i + 1; k < ops.length && ops[k].group === op.group; k++) need += ops[k].bytes;
      if (need > budget) need = op.bytes;
    }
    if (cur.length && bytes + need > budget) {
      chunks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(op);
    bytes += op.bytes;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** Queue a plan's operations and send them: one request, more only past the payload budget. */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, shell: ShellSnapshot, options: ApplyOptions = {}): Promise<ApplyResult> {
  const c: Ctx = {
    context,
    shell,
    o: { ...DEFAULTS, ...options },
    sheets: new Map(),
    counts: { sheetsCreated: 0, tablesCreated: 0, columnsAdded: 0, cellsWritten: 0, changeLogRows: 0 },
  };
  check(shell, plan);
  // The input cells a change-log entry records (generated IDs) travel in the request that logs them.
  const logged = new Set(plan.changeLog.map((e) => `${e.sheet}\u0000${String(e.new)}`));
  const ops: Op[] = [];
  const logOps: Op[] = [];
  for (const sp of plan.sheets) {
    const s = sheetOps(c, sp, "log", logged);
    ops.push(...s.ops);
    logOps.push(...s.logOps);
  }
  logOps.push(...changeLogOps(c, plan, "log"));
  ops.push(...logOps);
  const target = plan.activate;
  if (target && (shell.snapshot.sheets.some((s) => s.name === target) || plan.sheets.some((s) => s.name === target && s.ensure))) {
    ops.push({ bytes: CALL_BYTES, run: () => ws(c, target).activate() });
  }
  let syncs = 0;
  const screen = typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  for (const chunk of pack(ops, c.o.requestBudget)) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    if (screen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const op of chunk) op.run();
    syncs++;
    await context.sync();
  }
  return { syncs, counts: c.counts };
}
