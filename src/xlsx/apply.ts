import type ExcelJS from "exceljs";
import { OOXML_OPERATORS } from "./operators";
import { rangeAddress } from "../core/plan/a1";
import type { CellRange } from "../core/plan/cells";
import type { ConditionalFormatPlan, FormatPlan, SheetPlan, TablePlan, ValidationOperator, ValidationPlan, WorkbookPlan } from "../core/plan/types";
import { appendChangeLog } from "./change-log";
import { toCellValue } from "./cell-value";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

const OPERATORS: Record<ValidationOperator, ExcelJS.DataValidationOperator> = OOXML_OPERATORS;

function forEachCell(ws: ExcelJS.Worksheet, r: CellRange, fn: (cell: ExcelJS.Cell) => void): void {
  for (let row = r.row; row < r.row + r.rowCount; row++) {
    const line = ws.getRow(row + 1);
    for (let col = r.col; col < r.col + r.colCount; col++) fn(line.getCell(col + 1));
  }
}

/** Big number-format ranges become column styles: one <col> element instead of thousands of cells. */
const COLUMN_STYLE_THRESHOLD = 200;

function applyFormat(ws: ExcelJS.Worksheet, f: FormatPlan): void {
  if (f.numberFormat && f.range.rowCount > COLUMN_STYLE_THRESHOLD && !f.fill && !f.bold && !f.fontColor) {
    for (let c = f.range.col; c < f.range.col + f.range.colCount; c++) ws.getColumn(c + 1).numFmt = f.numberFormat;
    // Cells that already exist keep their own style object: give them the format too.
    for (let row = f.range.row; row < Math.min(f.range.row + f.range.rowCount, ws.rowCount); row++) {
      const line = ws.getRow(row + 1);
      for (let c = f.range.col; c < f.range.col + f.range.colCount; c++) {
        const cell = line.getCell(c + 1);
        if (cell.value !== null && cell.value !== undefined) cell.numFmt = f.numberFormat;
      }
    }
    return;
  }
  forEachCell(ws, f.range, (cell) => {
    if (f.numberFormat) cell.numFmt = f.numberFormat;
    if (f.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
    if (f.bold !== undefined || f.fontColor || f.italic !== undefined || f.fontSize) {
      cell.font = { ...(cell.font ?? {}), ...(f.bold !== undefined ? { bold: f.bold } : {}), ...(f.italic !== undefined ? { italic: f.italic } : {}), ...(f.fontSize ? { size: f.fontSize } : {}), ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}) };
    }
    if (f.wrap !== undefined || f.horizontal) {
      cell.alignment = { ...(cell.alignment ?? {}), ...(f.wrap !== undefined ? { wrapText: f.wrap, vertical: "top" as const } : {}), ...(f.horizontal ? { horizontal: f.horizontal.toLowerCase() as "left" | "center" | "right" } : {}) };
    }
  });
}

function formula(v: string | number): string {
  return typeof v === "number" ? String(v) : v.replace(/^=/, "");
}

function applyValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): void {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.alert.style.toLowerCase() as "stop" | "warning" | "information",
    errorTitle: v.alert.title,
    error: v.alert.message,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  let dv: ExcelJS.DataValidation;
  const rule = v.rule;
  if (rule.kind === "list") dv = { ...base, type: "list", formulae: [formula(rule.source)] };
  else if (rule.kind === "custom") dv = { ...base, type: "custom", formulae: [formula(rule.formula)] };
  else {
    const kind = rule.kind === "wholeNumber" ? "whole" : rule.kind;
    const f = [rule.formula1, ...(rule.formula2 !== undefined ? [rule.formula2] : [])];
    // ExcelJS writes date formulae as 25569 + ms/day of `new Date(x)`, without Excel's 1900 leap
    // day: hand it the Date that this arithmetic turns back into exactly our serial.
    const formulae = kind === "date" ? f.map((x) => (typeof x === "number" ? new Date((x - 25569) * 86_400_000) : x)) : f.map(formula);
    dv = { ...base, type: kind, operator: OPERATORS[rule.operator], formulae } as ExcelJS.DataValidation;
  }
  // ExcelJS has worksheet.dataValidations at run time but not in its typings.
  (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(rangeAddress(v.range), dv);
}

function cfStyle(fill?: string, fontColor?: string, bold?: boolean): Partial<ExcelJS.Style> {
  return {
    ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } } : {}),
    ...(fontColor || bold ? { font: { ...(fontColor ? { color: { argb: argb(fontColor) } } : {}), ...(bold ? { bold: true } : {}) } } : {}),
  } as Partial<ExcelJS.Style>;
}

function applyConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormatPlan, priority: number): void {
  const ref = rangeAddress(cf.range);
  if (cf.kind === "custom") {
    ws.addConditionalFormatting({ ref, rules: [{ type: "expression", priority, formulae: [formula(cf.formula)], style: cfStyle(cf.fill, cf.fontColor, cf.bold) }] });
  } else if (cf.kind === "cellValue") {
    const formulae = [formula(cf.formula1), ...(cf.formula2 ? [formula(cf.formula2)] : [])];
    ws.addConditionalFormatting({ ref, rules: [{ type: "cellIs", priority, operator: OPERATORS[cf.operator] as ExcelJS.CellIsRuleType["operator"], formulae, style: cfStyle(cf.fill, cf.fontColor) }] });
  } else {
    const points = [cf.min, ...(cf.mid ? [cf.mid] : []), cf.max];
    ws.addConditionalFormatting({ ref, rules: [{ type: "colorScale", priority, cfvo: points.map((p) => ({ type: "num" as const, value: p.value })), color: points.map((p) => ({ argb: argb(p.color) })) }] });
  }
}

function overlaps(a: CellRange, ref: string): boolean {
  const parts = ref.split(":");
  const tl = parts[0].match(/^([A-Z]+)(\d+)$/);
  const br = (parts[1] ?? parts[0]).match(/^([A-Z]+)(\d+)$/);
  if (!tl || !br) return false;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(tl[2]) - 1, r2 = Number(br[2]) - 1, c1 = col(tl[1]), c2 = col(br[1]);
  return !(r2 < a.row || r1 >= a.row + a.rowCount || c2 < a.col || c1 >= a.col + a.colCount);
}

function tableModel(ws: ExcelJS.Worksheet, t: TablePlan): ExcelJS.TableProperties {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = t.range.row + 1; r < t.range.row + t.range.rowCount; r++) {
    const line = ws.getRow(r + 1);
    const values: ExcelJS.CellValue[] = [];
    for (let c = t.range.col; c < t.range.col + t.range.colCount; c++) values.push(line.getCell(c + 1).value);
    rows.push(values);
  }
  return {
    name: t.name,
    displayName: t.name,
    ref: rangeAddress({ row: t.range.row, col: t.range.col, rowCount: 1, colCount: 1 }),
    headerRow: true,
    style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: t.headers.map((name) => ({ name, filterButton: true })),
    rows,
  };
}

interface LoadedTable {
  table: { name: string; tableRef: string; autoFilterRef?: string; columns: { name: string; filterButton?: boolean }[] };
}

function applyTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  if (t.mode === "extend") {
    const loaded = ws.getTable(t.name) as unknown as LoadedTable | undefined;
    if (!loaded) return;
    const first = loaded.table.columns.length;
    t.headers.forEach((h, i) => {
      ws.getRow(t.range.row + 1).getCell(t.range.col + first + i + 1).value = h;
      loaded.table.columns.push({ name: h, filterButton: true });
    });
    const ref = rangeAddress(t.range);
    loaded.table.tableRef = ref;
    loaded.table.autoFilterRef = ref;
    return;
  }
  if (ws.getTable(t.name)) {
    if (t.mode === "create") return;
    ws.removeTable(t.name);
  }
  ws.addTable(tableModel(ws, t));
}

function clearRange(ws: ExcelJS.Worksheet, r: CellRange): void {
  for (let row = r.row; row < Math.min(r.row + r.rowCount, ws.rowCount); row++) {
    const line = ws.getRow(row + 1);
    for (let col = r.col; col < r.col + r.colCount; col++) {
      const cell = line.getCell(col + 1);
      cell.value = null;
      cell.style = {};
    }
  }
}

function applySheet(wb: ExcelJS.Workbook, sp: SheetPlan): void {
  let ws = wb.getWorksheet(sp.name);
  if (!ws) {
    if (!sp.ensure) return;
    ws = wb.addWorksheet(sp.name, sp.tabColor ? { properties: { tabColor: { argb: argb(sp.tabColor) } } } : {});
  }
  for (const r of sp.clear) clearRange(ws, r);
  for (const t of sp.tables.filter((x) => x.mode === "replace")) if (ws.getTable(t.name)) ws.removeTable(t.name);
  if (sp.clearConditionalFormats?.length) {
    const ranges = sp.clearConditionalFormats;
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !ranges.some((r) => overlaps(r, cf.ref.split(" ")[0])));
  }
  for (const w of sp.writes) {
    w.values.forEach((line, i) => {
      const row = ws.getRow(w.row + i + 1);
      line.forEach((v, j) => {
        const cell = row.getCell(w.col + j + 1);
        const nf = w.numberFormats?.[j];
        if (nf && nf !== "General") cell.numFmt = nf;
        // ExcelJS stores a string as text whatever it starts with; only our own formulas are formulas.
        if (w.kind === "formulas" && typeof v === "string" && v.startsWith("=")) cell.value = { formula: v.slice(1) };
        else cell.value = v === "" ? null : v;
      });
    });
  }
  for (const t of sp.tables) applyTable(ws, t);
  for (const f of sp.formats) applyFormat(ws, f);
  for (const v of sp.validations) applyValidation(ws, v);
  sp.conditionalFormats.forEach((cf, i) => applyConditionalFormat(ws, cf, i + 1));
  for (const w of sp.columnWidths) ws.getColumn(w.col + 1).width = w.width;
  if (sp.pageSetup) ws.pageSetup = { ...ws.pageSetup, orientation: sp.pageSetup.landscape ? "landscape" : "portrait", ...(sp.pageSetup.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}) };
  if (sp.freezeRows) ws.views = [{ state: "frozen", xSplit: 0, ySplit: sp.freezeRows, topLeftCell: `A${sp.freezeRows + 1}`, activeCell: `A${sp.freezeRows + 1}` }];
}

/**
 * Apply a plan to an ExcelJS workbook. Charts are not ExcelJS's to write: they are returned
 * for the package step (see charts/), which adds them to the saved file.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  for (const sp of plan.sheets) applySheet(wb, sp);
  if (plan.changeLog.length) appendChangeLog(wb, plan);
  if (plan.activate) {
    const idx = wb.worksheets.findIndex((w) => w.name === plan.activate);
    if (idx >= 0) wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: idx, visibility: "visible" }];
  }
}

export { toCellValue };
