import { cellAddress, columnLetters, rangeAddress } from "../../core/plan/a1";
import { OOXML_OPERATORS } from "../operators";
import type { CellRange, CellValue } from "../../core/plan/cells";
import type { ConditionalFormatPlan, FormatPlan, ValidationPlan } from "../../core/plan/types";
import { escapeXml } from "../charts/xml";
import { argb, type StyleBook, type StyleChange } from "./styles";

/** Pieces of worksheet XML both the patcher and the fresh-sheet writer emit. */

/**
 * One cell. Strings are inline strings (no sharedStrings rewrite) and always text, whatever
 * they start with; only `formula` (the add-in's own formulas) gives an <f>.
 */
export function cellXml(row: number, col: number, style: number, value: CellValue, formula = false): string {
  const r = letters(col) + (row + 1);
  const s = style ? ` s="${style}"` : "";
  if (value === "") return style ? `<c r="${r}"${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${r}"${s}><v>${value}</v></c>` : `<c r="${r}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (formula && value.startsWith("=")) return `<c r="${r}"${s}><f>${escapeText(value.slice(1))}</f></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ` xml:space="preserve"` : "";
  return `<c r="${r}"${s} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
}

const LETTERS: string[] = [];
/** Column letters, cached: every cell of a 100,000-row sheet needs them. */
export function letters(col: number): string {
  return LETTERS[col] ?? (LETTERS[col] = columnLetters(col));
}

/** escapeXml, with a fast path for the usual text that needs nothing. */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s) ? escapeXml(s) : s;
}

/** What a FormatPlan does to a cell, as a style change. */
export function formatChange(f: FormatPlan): StyleChange {
  const c: StyleChange = {};
  if (f.numberFormat) c.numFmt = f.numberFormat;
  if (f.fill) c.fill = f.fill;
  if (f.bold !== undefined) c.bold = f.bold;
  if (f.italic !== undefined) c.italic = f.italic;
  if (f.fontSize) c.size = f.fontSize;
  if (f.fontColor) c.color = f.fontColor;
  if (f.wrap !== undefined) c.wrap = f.wrap;
  if (f.horizontal) c.horizontal = f.horizontal.toLowerCase() as StyleChange["horizontal"];
  return c;
}

export const inRange = (r: CellRange, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;


const f = (s: string): string => `<formula>${escapeXml(s.replace(/^=/, ""))}</formula>`;

/** <conditionalFormatting> for a plan's rule, priorities counting up from `priority`. */
export function conditionalFormatXml(cf: ConditionalFormatPlan, priority: number, styles: StyleBook): string {
  const sqref = rangeAddress(cf.range);
  let rule: string;
  if (cf.kind === "custom") {
    rule = `<cfRule type="expression" dxfId="${styles.dxf({ fill: cf.fill, color: cf.fontColor, bold: cf.bold })}" priority="${priority}">${f(cf.formula)}</cfRule>`;
  } else if (cf.kind === "cellValue") {
    const dxf = styles.dxf({ fill: cf.fill, color: cf.fontColor });
    rule = `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${OOXML_OPERATORS[cf.operator]}">${f(cf.formula1)}${cf.formula2 ? f(cf.formula2) : ""}</cfRule>`;
  } else {
    const points = [cf.min, ...(cf.mid ? [cf.mid] : []), cf.max];
    rule =
      `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
      points.map((p) => `<cfvo type="num" val="${p.value}"/>`).join("") +
      points.map((p) => `<color rgb="${argb(p.color)}"/>`).join("") +
      `</colorScale></cfRule>`;
  }
  return `<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`;
}

/** Does the first range of an sqref overlap `a`? (the rule apply.ts uses to clear formats) */
/**
 * A sheet's <dataValidations>, as the in-memory path (src/xlsx/apply.ts through ExcelJS) writes
 * the same plans: blanks allowed, the alert shown with its style, the prompt when there is one;
 * "between" is the default operator and not written; a date operand is its serial.
 */
export function dataValidationsXml(validations: readonly ValidationPlan[]): string {
  if (validations.length === 0) return "";
  const one = (v: ValidationPlan): string => {
    const rule = v.rule;
    const type = rule.kind === "wholeNumber" ? "whole" : rule.kind;
    const operator = rule.kind === "list" || rule.kind === "custom" ? undefined : OOXML_OPERATORS[rule.operator];
    const formulae = rule.kind === "list" ? [rule.source] : rule.kind === "custom" ? [rule.formula] : [rule.formula1, ...(rule.formula2 !== undefined ? [rule.formula2] : [])];
    const attrs: [string, string | undefined][] = [
      ["type", type],
      ["operator", operator && operator !== "between" ? operator : undefined],
      ["allowBlank", "1"],
      ["showInputMessage", v.prompt ? "1" : undefined],
      ["promptTitle", v.prompt?.title || undefined],
      ["prompt", v.prompt?.message || undefined],
      ["showErrorMessage", "1"],
      ["errorStyle", v.alert.style.toLowerCase()],
      ["errorTitle", v.alert.title || undefined],
      ["error", v.alert.message || undefined],
      ["sqref", rangeAddress(v.range)],
    ];
    const head = attrs.map(([k, x]) => (x === undefined ? "" : ` ${k}="${escapeXml(x)}"`)).join("");
    const body = formulae.map((x, i) => `<formula${i + 1}>${escapeXml(typeof x === "number" ? String(x) : x.replace(/^=/, ""))}</formula${i + 1}>`).join("");
    return `<dataValidation${head}>${body}</dataValidation>`;
  };
  return `<dataValidations count="${validations.length}">${validations.map(one).join("")}</dataValidations>`;
}

export function sqrefOverlaps(a: CellRange, sqref: string): boolean {
  const first = sqref.trim().split(/\s+/)[0] ?? "";
  const parts = first.split(":");
  const tl = /^\$?([A-Z]+)\$?(\d+)$/.exec(parts[0]);
  const br = /^\$?([A-Z]+)\$?(\d+)$/.exec(parts[1] ?? parts[0]);
  if (!tl || !br) return false;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(tl[2]) - 1, r2 = Number(br[2]) - 1, c1 = col(tl[1]), c2 = col(br[1]);
  return !(r2 < a.row || r1 >= a.row + a.rowCount || c2 < a.col || c1 >= a.col + a.colCount);
}

export interface ColDef {
  min: number;
  max: number;
  attrs: Map<string, string>;
}

export function parseCols(colsXml: string): ColDef[] {
  const out: ColDef[] = [];
  for (const m of colsXml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs.set(a[1], a[2]);
    out.push({ min: Number(attrs.get("min")), max: Number(attrs.get("max")), attrs });
  }
  return out;
}

/** Sets width (and optionally style) of single columns (0-based), splitting ranges as needed. */
export function setColumns(cols: ColDef[], changes: { col: number; width?: number; style?: number }[]): ColDef[] {
  let out = cols.map((c) => ({ ...c, attrs: new Map(c.attrs) }));
  for (const ch of changes) {
    const n = ch.col + 1;
    const i = out.findIndex((c) => c.min <= n && n <= c.max);
    let target: ColDef;
    if (i < 0) {
      target = { min: n, max: n, attrs: new Map([["min", String(n)], ["max", String(n)]]) };
      out.push(target);
    } else {
      const c = out[i];
      const pieces: ColDef[] = [];
      if (c.min < n) pieces.push({ min: c.min, max: n - 1, attrs: new Map(c.attrs) });
      target = { min: n, max: n, attrs: new Map(c.attrs) };
      pieces.push(target);
      if (n < c.max) pieces.push({ min: n + 1, max: c.max, attrs: new Map(c.attrs) });
      out.splice(i, 1, ...pieces);
    }
    if (ch.width !== undefined) {
      target.attrs.set("width", String(ch.width));
      target.attrs.set("customWidth", "1");
    }
    if (ch.style !== undefined) target.attrs.set("style", String(ch.style));
  }
  out = out.sort((a, b) => a.min - b.min);
  for (const c of out) {
    c.attrs.set("min", String(c.min));
    c.attrs.set("max", String(c.max));
  }
  return out;
}

export function colsXml(cols: ColDef[]): string {
  if (cols.length === 0) return "";
  const order = (k: string) => (k === "min" ? 0 : k === "max" ? 1 : 2);
  return `<cols>${cols.map((c) => `<col${[...c.attrs].sort((a, b) => order(a[0]) - order(b[0])).map(([k, v]) => ` ${k}="${v}"`).join("")}/>`).join("")}</cols>`;
}

/** The style a column gives new cells (`<col style>`), 0 when none. */
export function columnStyle(cols: ColDef[], col: number): number {
  const n = col + 1;
  const c = cols.find((x) => x.min <= n && n <= x.max);
  return c ? Number(c.attrs.get("style") ?? 0) : 0;
}

export const tableRefOf = (r: CellRange): string => `${cellAddress(r.row, r.col)}:${columnLetters(r.col + r.colCount - 1)}${r.row + r.rowCount}`;

/** A table part for a new table. */
export function tableXml(id: number, name: string, range: CellRange, headers: string[], style: string): string {
  const ref = tableRefOf(range);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${headers.length}">${headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
