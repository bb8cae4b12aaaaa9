import { parseCellAddress } from "./refs";
import { readAttr, unescapeXml } from "./xml";

/** A cell's cached value as a chart cache needs it. */
export type CellValue = string | number | boolean | null;

/** Texts of xl/sharedStrings.xml, rich runs joined, phonetic runs dropped. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of xml.match(/<(?:\w+:)?si>[\s\S]*?<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g) ?? []) {
    out.push(joinTexts(si.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, "")));
  }
  return out;
}

function joinTexts(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += unescapeXml(m[1]);
  return text;
}

/**
 * Values of the wanted cells of a worksheet part ("row,col" keys). A regex scan of <c> elements:
 * ExcelJS writes plain cells, and the cached result <v> of a formula cell is what a chart shows.
 */
export function readCells(sheetXml: string, sharedStrings: string[], wanted: Set<string>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  if (wanted.size === 0) return out;
  const re = /<(?:\w+:)?c(\s[^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (let m = re.exec(sheetXml); m; m = re.exec(sheetXml)) {
    const tag = `<c${m[1]}>`;
    const pos = parseCellAddress(readAttr(tag, "r") ?? "");
    if (!pos) continue;
    const key = `${pos.row},${pos.col}`;
    if (!wanted.has(key)) continue;
    out.set(key, cellValue(readAttr(tag, "t"), m[2] ?? "", sharedStrings));
  }
  return out;
}

function cellValue(type: string | undefined, body: string, sharedStrings: string[]): CellValue {
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
    return is ? joinTexts(is[1]) : null;
  }
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
  if (!v) return null;
  const raw = unescapeXml(v[1]);
  switch (type) {
    case "s": return sharedStrings[Number(raw)] ?? null;
    case "str":
    case "e": return raw;
    case "b": return raw === "1";
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function cellNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}
