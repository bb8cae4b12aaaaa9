import { parseRelationships, relsPathFor, resolveTarget, type Relationship } from "../charts/rels";
import { findTags, readAttr } from "../charts/xml";
import type { ZipReader } from "./zip";

export const WORKBOOK = "xl/workbook.xml";
export const CONTENT_TYPES = "[Content_Types].xml";
export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;
export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
} as const;

/** A worksheet of the package, in workbook order. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
}

/** A table part of a sheet. */
export interface TableEntry {
  part: string;
  relId: string;
  xml: string;
  name: string;
  id: number;
  ref: string;
  columns: string[];
}

export function sheetEntries(zip: ZipReader): SheetEntry[] {
  const rels = parseRelationships(zip.textOr(relsPathFor(WORKBOOK), ""));
  const out: SheetEntry[] = [];
  for (const tag of findTags(zip.text(WORKBOOK), "sheet")) {
    const relId = readAttr(tag, "r:id") ?? "";
    const rel = rels.find((r) => r.id === relId);
    // chartsheets and dialog sheets are not worksheets: ExcelJS skips them too
    if (!rel || rel.type !== REL.worksheet) continue;
    out.push({ name: readAttr(tag, "name") ?? "", sheetId: Number(readAttr(tag, "sheetId") ?? 0), relId, part: resolveTarget(WORKBOOK, rel.target) });
  }
  return out;
}

export function partRels(zip: ZipReader, part: string): Relationship[] {
  return parseRelationships(zip.textOr(relsPathFor(part), ""));
}

export function parseTable(part: string, relId: string, xml: string): TableEntry {
  const root = findTags(xml, "table")[0] ?? "";
  return {
    part,
    relId,
    xml,
    name: readAttr(root, "name") ?? readAttr(root, "displayName") ?? "",
    id: Number(readAttr(root, "id") ?? 0),
    ref: readAttr(root, "ref") ?? "",
    columns: findTags(xml, "tableColumn").map((t) => readAttr(t, "name") ?? ""),
  };
}

/** The table parts a sheet's rels point at. */
export function sheetTables(zip: ZipReader, sheetPart: string): TableEntry[] {
  return partRels(zip, sheetPart)
    .filter((r) => r.type === REL.table && !r.external)
    .map((r) => {
      const part = resolveTarget(sheetPart, r.target);
      return parseTable(part, r.id, zip.textOr(part, ""));
    })
    .filter((t) => t.xml !== "");
}

export function sharedStringsPart(zip: ZipReader): string | undefined {
  const rel = partRels(zip, WORKBOOK).find((r) => r.type === REL.sharedStrings);
  const part = rel ? resolveTarget(WORKBOOK, rel.target) : "xl/sharedStrings.xml";
  return zip.has(part) ? part : undefined;
}

export function stylesPart(zip: ZipReader): string {
  const rel = partRels(zip, WORKBOOK).find((r) => r.type === REL.styles);
  return rel ? resolveTarget(WORKBOOK, rel.target) : "xl/styles.xml";
}
