/**
 * Cell values as both shells hand them to the core: Office.js `Range.values` semantics.
 * Empty cells are "", dates are Excel serial numbers, error values are their text ("#N/A").
 * The ExcelJS shell converts its own shapes (Date, rich text, formula results) to these.
 */
export type CellValue = string | number | boolean;

/** A rectangle on a sheet, 0-based (as `getRangeByIndexes`); shells convert to A1 as needed. */
export interface CellRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export type Lang = "zh-CN" | "en-US";

/** A text in both product languages. */
export interface Label {
  zh: string;
  en: string;
}

export function pick(label: Label, lang: Lang): string {
  return lang === "zh-CN" ? label.zh : label.en;
}
