import { unescapeXml } from "../charts/xml";
import { MAX_COLS, MAX_ROWS, MAX_SHEET_ID } from "./limits";
import { areaOf, definedNameRanges, expandedByExcelJs } from "./refs";
import { rawAttr, startTags } from "./elements";
import type { Tally } from "./tally";

/** ExcelJS moves these to the sheet's page setup, decoded but never expanded. */
const NOT_EXPANDED = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);

/**
 * xl/workbook.xml: <sheet sheetId> (ExcelJS keeps sheets in an array indexed by id and walks it
 * up to the largest id whenever its `worksheets` are asked for) and <definedName> ranges (ExcelJS
 * builds an object per cell of every absolute range in a name's text, formulas included).
 */
export function checkWorkbook(part: string, xml: string, tally: Tally): void {
  for (const { tag } of startTags(xml, "sheet")) {
    const id = rawAttr(tag, "sheetId");
    if (id === undefined) continue;
    const n = Math.max(Number(id) || 0, parseInt(id, 10) || 0);
    if (n > MAX_SHEET_ID) tally.outOfBounds(part, `<sheet sheetId="${id}">`, MAX_SHEET_ID);
  }
  for (const { tag, end } of startTags(xml, "definedName")) {
    if (NOT_EXPANDED.has(unescapeXml(rawAttr(tag, "name") ?? ""))) continue;
    const close = tag.endsWith("/>") ? end : xml.indexOf("</", end);
    const text = unescapeXml(xml.slice(end, close < 0 ? xml.length : close));
    let cells = 0;
    for (const range of definedNameRanges(text)) {
      if (!expandedByExcelJs(range)) continue;
      const a = areaOf(range);
      if (a.maxRow > MAX_ROWS || a.maxCol > MAX_COLS) tally.outOfBounds(part, `${tag}${range}`, "XFD1048576");
      cells += a.cells;
    }
    tally.expand("definedName", part, cells);
  }
}
