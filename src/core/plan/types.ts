import type { CellRange, CellValue, Lang } from "./cells";

/**
 * A WorkbookPlan is everything an action decided, as plain data. Both shells (Office.js and
 * ExcelJS) interpret it in the same order: sheets → clears → tables (replace) → writes →
 * tables (create/extend) → formats → validation → conditional formats → charts → filters →
 * freeze/widths → change log. Ranges are 0-based sheet indexes.
 */
export type ActionId =
  | "insertTemplate"
  | "scoreAndTier"
  | "clean"
  | "undoClean"
  | "adopt"
  | "filter"
  | "clearFilters"
  | "mask";

export interface WorkbookPlan {
  action: ActionId;
  lang: Lang;
  sheets: SheetPlan[];
  /** rows to append to the ChangeLog table (every change to a cell a person typed) */
  changeLog: ChangeLogEntry[];
  /** sheet to show when done */
  activate?: string;
}

export interface SheetPlan {
  name: string;
  /** create the sheet when missing (position: after the last sheet) */
  ensure: boolean;
  tabColor?: string;
  /** cleared (contents and formats) before anything is written: computed areas only */
  clear: CellRange[];
  /** conditional formats on these ranges are removed first, so a re-run does not stack them */
  clearConditionalFormats?: CellRange[];
  /** charts whose name starts with this prefix are removed first (computed sheets) */
  removeChartsWithPrefix?: string;
  tables: TablePlan[];
  writes: CellWrite[];
  formats: FormatPlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  columnWidths: ColumnWidth[];
  freezeRows?: number;
  filter?: FilterPlan;
  /** print layout: wide sheets print landscape, one page wide */
  pageSetup?: { landscape: boolean; fitToWidth: boolean };
}

/**
 * A block of cells. `kind: "values"` is literal data: shells must store every string as text,
 * never as a formula, even when it starts with = + - @ (user data can hold such text).
 * `kind: "formulas"` is for the add-in's own formulas only.
 */
export interface CellWrite {
  row: number;
  col: number;
  kind: "values" | "formulas";
  values: CellValue[][];
  /** number format per column of the block (same length as a row), applied before the values */
  numberFormats?: string[];
}

export type TableMode =
  /** add the table when no table of this name exists; never touch an existing one */
  | "create"
  /** delete the existing table (and clear its cells), then add it anew: computed tables */
  | "replace"
  /** the table exists: append the headers it lacks as new columns at its right */
  | "extend";

export interface TablePlan {
  name: string;
  mode: TableMode;
  /** header row included: range.row is the header row */
  range: CellRange;
  headers: string[];
  style: string;
}

export interface FormatPlan {
  range: CellRange;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: "Left" | "Center" | "Right";
}

export type ValidationOperator =
  | "Between"
  | "NotBetween"
  | "EqualTo"
  | "NotEqualTo"
  | "GreaterThan"
  | "LessThan"
  | "GreaterThanOrEqualTo"
  | "LessThanOrEqualTo";

export type ValidationRule =
  | { kind: "list"; source: string }
  | { kind: "wholeNumber" | "decimal" | "date" | "textLength"; operator: ValidationOperator; formula1: string | number; formula2?: string | number }
  | { kind: "custom"; formula: string };

export interface ValidationPlan {
  range: CellRange;
  rule: ValidationRule;
  alert: { style: "Stop" | "Warning" | "Information"; title: string; message: string };
  prompt?: { title: string; message: string };
}

export type ConditionalFormatPlan =
  | {
      kind: "cellValue";
      range: CellRange;
      operator: ValidationOperator;
      formula1: string;
      formula2?: string;
      fill?: string;
      fontColor?: string;
    }
  | { kind: "custom"; range: CellRange; formula: string; fill?: string; fontColor?: string; bold?: boolean }
  | {
      kind: "colorScale";
      range: CellRange;
      min: { value: number; color: string };
      mid?: { value: number; color: string };
      max: { value: number; color: string };
    };

export type ChartType = "pie" | "column" | "bar" | "line";

export interface ChartPlan {
  /** stable name, so a re-run replaces rather than duplicates */
  name: string;
  type: ChartType;
  title: string;
  /** source on this sheet: first row = series names, first column = categories */
  source: CellRange;
  /** top-left and bottom-right cells the chart covers */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface ColumnWidth {
  col: number;
  /** Excel character widths (ExcelJS unit); the Office shell converts to points */
  width: number;
}

export type FilterCriterion =
  | { column: number; kind: "values"; values: string[] }
  | { column: number; kind: "custom"; criterion1: string; criterion2?: string; operator?: "And" | "Or" };

/** AutoFilter on a table; `column` is the index within the table. Empty criteria = clear. */
export interface FilterPlan {
  table: string;
  criteria: FilterCriterion[];
}

export interface ChangeLogEntry {
  time: string;
  action: ActionId;
  sheet: string;
  key: string;
  column: string;
  old: CellValue;
  new: CellValue;
}

export function emptySheetPlan(name: string, ensure: boolean): SheetPlan {
  return {
    name,
    ensure,
    clear: [],
    tables: [],
    writes: [],
    formats: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [],
  };
}
