import { MAX_COLS, MAX_ROWS } from "./limits";
import { areaOf, decodeAddress, refInBounds } from "./refs";
import { prefixOf } from "../stream/read";
import { isTagEnd, rawAttr, startTags } from "./elements";
import type { Tally } from "./tally";

/**
 * A worksheet part. Rows and cells past XFD1048576 (ExcelJS keeps rows in an array indexed by
 * number; the streaming reader's snapshot is dense from the first to the last row and column);
 * <col> ranges (ExcelJS builds a Column per column up to max); merged and data-validation ranges
 * (ExcelJS expands both cell by cell, and compares each merge with every earlier one).
 * Conditional formats, hyperlinks and autofilters keep their ref as text in ExcelJS: not limited.
 */
export function checkWorksheet(part: string, xml: string, tally: Tally, rowsAndCells = true): void {
  // rows and cells as ExcelJS reads them (unprefixed) and as the streaming reader does (the prefix
  // of the first <sheetData>, found by its own function)
  if (rowsAndCells) {
    checkRowsAndCells(part, xml, "", tally);
    const { prefix } = prefixOf(xml, "sheetData");
    if (prefix !== "") checkRowsAndCells(part, xml, prefix, tally);
  }
  let merges = 0;
  for (const text of outsideSheetData(xml)) {
    checkCols(part, text, tally);
    merges = checkMerges(part, text, merges, tally);
    checkValidations(part, text, tally);
  }
}

/**
 * The part's text outside its <sheetData> elements, where ExcelJS reads <cols>, <mergeCells> and
 * <dataValidations> (inside sheetData it reads rows only). One indexOf pass over the part finds
 * every "sheetData"; a start or end tag faked in a comment can only shorten a sheetData region
 * (a later start moves its beginning, an earlier end closes it), so nothing outside is missed,
 * and a part with no <sheetData> is all outside.
 */
function outsideSheetData(xml: string): string[] {
  const out: string[] = [];
  let from = 0;
  let open = -1;
  const NAME = "sheetData";
  for (let at = xml.indexOf(NAME); at >= 0; at = xml.indexOf(NAME, at + NAME.length)) {
    if (!isTagEnd(xml.charCodeAt(at + NAME.length))) continue;
    if (xml.charCodeAt(at - 1) === 60 /* < */) {
      const close = xml.indexOf(">", at);
      if (close < 0 || xml.charCodeAt(close - 1) === 47 /* self-closing */) continue;
      // a second start inside an open region: the first one counts as fake, its text as outside
      out.push(xml.slice(open < 0 ? from : open, at - 1));
      open = at - 1;
    } else if (open >= 0 && xml.charCodeAt(at - 1) === 47 /* / */ && xml.charCodeAt(at - 2) === 60) {
      open = -1;
      from = at + NAME.length;
    }
  }
  // an unclosed <sheetData> runs to the end: ExcelJS never leaves it
  if (open < 0) out.push(xml.slice(from));
  return out;
}

/** Either reader's number for an attribute: ExcelJS parseInt, the streaming reader Number. */
function largest(raw: string): number {
  const a = Number(raw);
  const b = parseInt(raw, 10);
  return Math.max(Number.isNaN(a) ? 0 : a, Number.isNaN(b) ? 0 : b);
}

/**
 * Every <row r> and <c r> of the part: an indexOf walk as the streaming reader does it, one
 * pass over a 100,000-row sheet's millions of cells. The usual `<row r="1"` and `<c r="A1"` are
 * read in place, without a string or a regex per cell; other attribute orders take rawAttr.
 */
function checkRowsAndCells(part: string, xml: string, p: string, tally: Tally): void {
  const ROW = `<${p}row`;
  const C = `<${p}c`;
  let row = xml.indexOf(ROW);
  let cell = xml.indexOf(C);
  while (row >= 0 || cell >= 0) {
    if (row >= 0 && (cell < 0 || row < cell)) {
      const at = row + ROW.length;
      if (isTagEnd(xml.charCodeAt(at))) {
        const r = xml.startsWith(' r="', at) ? xml.slice(at + 4, xml.indexOf('"', at + 4)) : rawAttr(tagFrom(xml, row), "r");
        if (r !== undefined && largest(r) > MAX_ROWS) tally.outOfBounds(part, `<${p}row r="${r}">`, MAX_ROWS);
      }
      row = xml.indexOf(ROW, at);
      continue;
    }
    const at = cell + C.length;
    if (isTagEnd(xml.charCodeAt(at))) {
      if (xml.startsWith(' r="', at)) {
        if (!refInBounds(xml, at + 4)) tally.outOfBounds(part, `<${p}c r="${xml.slice(at + 4, xml.indexOf('"', at + 4))}">`, "XFD1048576");
      } else {
        const ref = rawAttr(tagFrom(xml, cell), "r");
        if (ref !== undefined && !refInBounds(ref, 0)) tally.outOfBounds(part, `<${p}c r="${ref}">`, "XFD1048576");
      }
    }
    cell = xml.indexOf(C, at);
  }
}

function tagFrom(xml: string, start: number): string {
  const end = xml.indexOf(">", start);
  return xml.slice(start, end < 0 ? xml.length : end + 1);
}

function checkCols(part: string, xml: string, tally: Tally): void {
  for (const { tag } of startTags(xml, "col")) {
    const min = rawAttr(tag, "min");
    const max = rawAttr(tag, "max");
    const lo = min === undefined ? 0 : largest(min);
    const hi = max === undefined ? 0 : largest(max);
    if (lo > MAX_COLS || hi > MAX_COLS) tally.outOfBounds(part, tag, "16,384 (XFD)");
    if (min !== undefined && max !== undefined && parseInt(min, 10) > parseInt(max, 10)) tally.outOfBounds(part, tag, "min ≤ max");
  }
}

function checkArea(part: string, tag: string, ref: string, tally: Tally): number {
  const a = areaOf(ref);
  if (a.maxRow > MAX_ROWS || a.maxCol > MAX_COLS) tally.outOfBounds(part, tag, "XFD1048576");
  return a.cells;
}

/** Returns the sheet's merge count so far (`n` before this text). */
function checkMerges(part: string, xml: string, n: number, tally: Tally): number {
  for (const { tag } of startTags(xml, "mergeCell")) {
    const ref = rawAttr(tag, "ref");
    if (ref === undefined) continue;
    tally.merges(part, ++n);
    tally.expand("mergeCell", part, checkArea(part, tag, ref, tally));
  }
  return n;
}

/** ExcelJS splits sqref on whitespace and walks every cell of every range in it. */
function checkValidations(part: string, xml: string, tally: Tally): void {
  for (const { tag } of startTags(xml, "dataValidation")) {
    const sqref = rawAttr(tag, "sqref");
    if (sqref === undefined) continue;
    let cells = 0;
    for (const ref of sqref.split(/\s+/)) {
      if (ref === "") continue;
      if (ref.includes(":")) cells += checkArea(part, tag, ref, tally);
      else {
        const a = decodeAddress(ref);
        if ((a.row ?? 0) > MAX_ROWS || (a.col ?? 0) > MAX_COLS) tally.outOfBounds(part, tag, "XFD1048576");
        cells += 1;
      }
    }
    tally.expand("dataValidation", part, cells);
  }
}
