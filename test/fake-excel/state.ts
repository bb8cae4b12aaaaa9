/** The workbook the fake holds: plain data, mutated only when a sync runs queued operations. */
import { Rect } from "./address";

export type CellValue = string | number | boolean;

export interface CellFont {
  bold?: boolean;
  color?: string;
}

export interface ValidationRuleState {
  wholeNumber?: { formula1: string | number; formula2?: string | number; operator: string };
  decimal?: { formula1: string | number; formula2?: string | number; operator: string };
  textLength?: { formula1: string | number; formula2?: string | number; operator: string };
  date?: { formula1: string | number; formula2?: string | number; operator: string };
  time?: { formula1: string | number; formula2?: string | number; operator: string };
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}

export interface ValidationState {
  rule: ValidationRuleState | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface Cell {
  value: CellValue;
  /** Set when the cell holds a formula; the fake never evaluates it, `value` then repeats the formula text. */
  formula?: string;
  /** The text was entered with Excel's leading-apostrophe prefix (OOXML `quotePrefix`). */
  quotePrefix?: boolean;
  numberFormat: string;
  fill?: string;
  font: CellFont;
  wrapText?: boolean;
  horizontalAlignment?: string;
  validation?: ValidationState;
}

export interface CfFormatState {
  fill?: string;
  fontColor?: string;
  fontBold?: boolean;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: Rect;
  stopIfTrue: boolean;
  cellValue?: { rule?: { formula1: string; formula2?: string; operator: string }; format: CfFormatState };
  custom?: { formula?: string; format: CfFormatState };
  textComparison?: { rule?: { operator: string; text: string }; format: CfFormatState };
  colorScale?: { criteria?: unknown };
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

export type FilterCriteria =
  | { filterOn: "Values"; values: string[] }
  | { filterOn: "Custom"; criterion1: string; criterion2?: string; operator?: "And" | "Or" };

export interface AutoFilterState {
  rect: Rect;
  criteria: Map<number, FilterCriteria>;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  protected: boolean;
  cells: Map<string, Cell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: ChartState[];
  /** Index 0 is priority 0 (evaluated first), as in Excel. */
  conditionalFormats: ConditionalFormatState[];
  autoFilter: AutoFilterState | null;
  deleted: boolean;
}

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  /** Whole table including the header row (Excel always shows one once created). */
  rect: Rect;
  style: string;
  showTotals: boolean;
  autoFilter: AutoFilterState | null;
  deleted: boolean;
}

export const key = (row: number, col: number): string => `${row},${col}`;

export function newCell(): Cell {
  return { value: "", numberFormat: "General", font: {} };
}

export function newSheet(id: string, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    tabColor: "",
    protected: false,
    cells: new Map(),
    columnWidths: new Map(),
    frozenRows: 0,
    charts: [],
    conditionalFormats: [],
    autoFilter: null,
    deleted: false,
  };
}

export function isBlank(c: Cell | undefined): boolean {
  return c === undefined || (c.value === "" && c.formula === undefined);
}

export function hasFormatting(c: Cell): boolean {
  return (
    c.numberFormat !== "General" ||
    c.fill !== undefined ||
    c.font.bold !== undefined ||
    c.font.color !== undefined ||
    c.wrapText !== undefined ||
    c.horizontalAlignment !== undefined ||
    c.validation !== undefined
  );
}
