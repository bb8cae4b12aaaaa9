/**
 * Crafted workbooks for ExcelJS 4.4.0's load-time denial-of-service CVEs (docs/dependency-review.md),
 * each a small package with one XML edit, built in code (no binary blobs in the repository). The
 * pre-load guard (src/xlsx/guard) must refuse every one with exit 1 before ExcelJS or the
 * streaming reader sees it. Shared by the hostile corpus (cases.ts, on a minimal package built
 * here, synchronously) and test/safety/xlsx-guard.test.ts (on a workbook ExcelJS wrote).
 */
import zlib from "node:zlib";
import { ZipReader, ZipWriter, crc32 } from "../../src/xlsx/stream/zip";

export const SHEET = "xl/worksheets/sheet1.xml";
export const WORKBOOK = "xl/workbook.xml";
export const DRAWING = "xl/drawings/drawing1.xml";

/** One edit of a part's XML (or a new part, when the package has none of that name). */
export interface Craft {
  name: string;
  fileName: string;
  part: string;
  edit: (xml: string) => string;
  /** the guard's refusal (an InsightError code) */
  refused: string;
  /** what the message must quote */
  quotes: string;
}

/** Inserts `xml` right after </sheetData> (or an empty <sheetData/>), where ExcelJS reads these elements. */
const afterSheetData = (xml: string, add: string): string => (xml.includes("</sheetData>") ? xml.replace("</sheetData>", `</sheetData>${add}`) : xml.replace("<sheetData/>", `<sheetData/>${add}`));
const beforeSheetData = (xml: string, add: string): string => xml.replace("<sheetData", `${add}<sheetData`);
const inSheetData = (xml: string, add: string): string => (xml.includes("</sheetData>") ? xml.replace("</sheetData>", `${add}</sheetData>`) : xml.replace("<sheetData/>", `<sheetData>${add}</sheetData>`));

const columns = (n: number): string => Array.from({ length: n }, (_, i) => `${String.fromCharCode(65 + i)}1:${String.fromCharCode(65 + i)}1048576`).join(" ");

export const CRAFTS: Craft[] = [
  {
    name: "CVE-2026-128338: <col max> of 300,000,000",
    fileName: "huge-col.xlsx",
    part: SHEET,
    edit: (x) => beforeSheetData(x, `<cols><col min="1" max="300000000" width="9" customWidth="1"/></cols>`),
    refused: "unsafeWorkbookBounds",
    quotes: 'max="300000000"',
  },
  {
    name: "CVE-2026-128339: a merge of the whole sheet (A1:XFD1048576)",
    fileName: "whole-merge.xlsx",
    part: SHEET,
    edit: (x) => afterSheetData(x, `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`),
    refused: "unsafeWorkbookArea",
    quotes: "17,179,869,184",
  },
  {
    name: "CVE-2026-128341: a data-validation sqref over five whole columns (5,242,880 cells)",
    fileName: "huge-sqref.xlsx",
    part: SHEET,
    edit: (x) => afterSheetData(x, `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${columns(5)}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`),
    refused: "unsafeWorkbookArea",
    quotes: "5,242,880",
  },
  {
    name: "CVE-2026-128340: a defined name over the whole sheet",
    fileName: "huge-name.xlsx",
    part: WORKBOOK,
    // a replacer function: "$1" in a replacement string would be read as a group
    edit: (x) => x.replace("</sheets>", () => `</sheets><definedNames><definedName name="everything">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>`),
    refused: "unsafeWorkbookArea",
    quotes: "<definedName>",
  },
  {
    name: "CVE-2026-128342: sheetId 4,294,967,295",
    fileName: "huge-sheetid.xlsx",
    part: WORKBOOK,
    edit: (x) => x.replace(/sheetId="1"/, `sheetId="4294967295"`),
    refused: "unsafeWorkbookBounds",
    quotes: 'sheetId="4294967295"',
  },
  {
    name: "CVE-2026-128343: a row numbered 2,000,000,000",
    fileName: "huge-row.xlsx",
    part: SHEET,
    edit: (x) => inSheetData(x, `<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`),
    refused: "unsafeWorkbookBounds",
    quotes: 'r="2000000000"',
  },
  {
    name: "a cell past column XFD (XFE1)",
    fileName: "past-xfd.xlsx",
    part: SHEET,
    edit: (x) => inSheetData(x, `<row r="1048576"><c r="XFE1048576"><v>1</v></c></row>`),
    refused: "unsafeWorkbookBounds",
    quotes: 'r="XFE1048576"',
  },
  {
    name: "CVE-2026-128344: an image anchored at column 100,000,000",
    fileName: "huge-anchor.xlsx",
    part: DRAWING,
    edit: () =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      "<xdr:oneCellAnchor><xdr:from><xdr:col>100000000</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx=\"1\" cy=\"1\"/><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>",
    refused: "unsafeWorkbookBounds",
    quotes: "100000000",
  },
];

/** The parts of the smallest workbook ExcelJS and the streaming reader both read: one sheet, two cells. */
export function minimalParts(): Map<string, string> {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return new Map([
    ["[Content_Types].xml", `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ["_rels/.rels", `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [WORKBOOK, `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    [SHEET, `${head}<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>华信机械</t></is></c></row></sheetData></worksheet>`],
  ]);
}

/** A package of these parts, deflated as Excel does. */
export function packageOf(parts: Map<string, string>): Buffer {
  const w = new ZipWriter();
  for (const [name, text] of parts) {
    const data = Buffer.from(text, "utf8");
    w.add(name, { method: 8, crc: crc32(data), size: data.length, data: zlib.deflateRawSync(data) });
  }
  return w.toBuffer();
}

/** The minimal workbook with one craft applied. */
export function craftedMinimal(c: Craft): Buffer {
  const parts = minimalParts();
  parts.set(c.part, c.edit(parts.get(c.part) ?? ""));
  return packageOf(parts);
}

/**
 * `base` with `part` replaced by a zip bomb: `mib` MiB of spaces, deflated block by block
 * (each 1 MiB block about 1 KB, so 80 MiB take 80 KB), while the zip headers declare 4 KB —
 * the guard must count what it inflates, not believe the header.
 */
export function withZipBomb(base: Buffer, part: string, mib: number): Buffer {
  const block = Buffer.alloc(2 ** 20, 0x20);
  // a full flush ends each block on a byte boundary with no final bit, so copies chain into one stream
  const deflated = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0)); // an empty final block
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(block, crc);
  const data = Buffer.concat([...Array.from({ length: mib }, () => deflated), last]);
  const from = new ZipReader(base);
  const w = new ZipWriter();
  for (const name of from.entries.keys()) {
    if (name === part) w.add(name, { method: 8, crc, size: 4096, data });
    else w.copy(from, name);
  }
  if (!from.has(part)) w.add(part, { method: 8, crc, size: 4096, data });
  return w.toBuffer();
}
