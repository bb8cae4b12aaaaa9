import { denseSheet, tableFromRef, type SparseRow } from "../sparse-sheet";
import type { CellValue } from "../../core/plan/cells";
import type { SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../core/plan/snapshot";
import { isoToSerial } from "../../core/mapping/dates";
import { MAX_COLS, MAX_ROWS } from "../guard/limits";
import { unescapeXml } from "../charts/xml";
import { sharedStringsPart, sheetEntries, sheetTables, type TableEntry } from "./package";
import type { ZipReader } from "./zip";

/**
 * The values of a worksheet part as the core reads them (Office.js `Range.values` semantics):
 * a scan of its <c> elements. Dates stay serial numbers, formulas give their cached result,
 * shared and inline rich text give their joined text, errors their "#N/A" text — what the
 * ExcelJS shell's toCellValue makes of ExcelJS's own shapes, without building them.
 */

const V_RE = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const T_RE = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>/g;
const RPH_RE = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g;

/** An attribute of a start tag's attribute text (" r=\"A1\" t=\"s\""), raw. */
export function attr(attrs: string, name: string): string | undefined {
  const i = attrs.indexOf(` ${name}="`);
  if (i < 0) {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
    return m ? (m[1] ?? m[2]) : undefined;
  }
  const start = i + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}

export function inlineText(body: string): string {
  let text = "";
  const clean = body.includes("rPh") ? body.replace(RPH_RE, "") : body;
  T_RE.lastIndex = 0;
  for (let m = T_RE.exec(clean); m; m = T_RE.exec(clean)) text += m[1].includes("&") ? unescapeXml(m[1]) : m[1];
  return text;
}

function cellValue(type: string | undefined, body: string | undefined, sst: string[]): CellValue {
  if (!body) return "";
  if (type === "inlineStr") return inlineText(body);
  // the usual <v>…</v>, found without a regex; prefixed or attributed forms fall back to one
  const vs = body.indexOf("<v>");
  let raw: string;
  if (vs >= 0) raw = body.slice(vs + 3, body.indexOf("</v>", vs));
  else {
    const v = V_RE.exec(body);
    if (!v) return "";
    raw = v[1];
  }
  switch (type) {
    case "s": return sst[Number(raw)] ?? "";
    case "str":
    case "e": return raw.includes("&") ? unescapeXml(raw) : raw;
    case "b": return raw === "1" || raw === "true";
    case "d": return isoToSerial(raw.slice(0, 10)) ?? raw;
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/** Letters of a cell reference → 0-based column; -1 when absent. */
function colOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** The element prefix used in a part ("x:" for <x:sheetData>, "" for the default namespace). */
export function prefixOf(xml: string, localName: string): { prefix: string; at: number } {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}\\b`).exec(xml);
  return m ? { prefix: m[1] ?? "", at: m.index } : { prefix: "", at: -1 };
}

const isTagEnd = (ch: number) => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

/**
 * A row or cell past XFD1048576. The snapshot is dense from the first to the last row and column
 * it finds, so one cell at row 10^9 or column 10^8 would exhaust memory. scanSheet checks every
 * row and cell as it reads them — it parses each one anyway, so this costs nothing, where a
 * separate pass of the guard (src/xlsx/guard) over a 100,000-row sheet costs a quarter second.
 */
export class OutOfGrid extends Error {
  constructor(
    readonly element: string,
    readonly part = "",
  ) {
    super(`${part}: ${element} is outside XFD1048576`);
  }
}

/**
 * Calls `cell(row, col, value)` for every non-empty cell of a worksheet part, in document order.
 * An indexOf walk rather than a regex scan: a 100,000-row sheet has millions of cells.
 */
export function scanSheet(xml: string, sst: string[], cell: (row: number, col: number, value: CellValue) => void): void {
  const { prefix: p, at } = prefixOf(xml, "sheetData");
  if (at < 0) return;
  const ROW = `<${p}row`, ROW_END = `</${p}row>`, C = `<${p}c`, C_END = `</${p}c>`;
  const dataEnd = xml.indexOf(`</${p}sheetData>`, at);
  const limit = dataEnd < 0 ? xml.length : dataEnd;
  let pos = at;
  let row = -1;
  for (;;) {
    const rs = xml.indexOf(ROW, pos);
    if (rs < 0 || rs >= limit) break;
    if (!isTagEnd(xml.charCodeAt(rs + ROW.length))) {
      pos = rs + ROW.length;
      continue;
    }
    const tagEnd = xml.indexOf(">", rs);
    const r = attr(xml.slice(rs + ROW.length, tagEnd), "r");
    row = r ? Number(r) - 1 : row + 1;
    if (row >= MAX_ROWS) throw new OutOfGrid(r ? `<${p}row r="${r}">` : `<${p}row> (row ${row + 1})`);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      pos = tagEnd + 1;
      continue;
    }
    const rowEnd = xml.indexOf(ROW_END, tagEnd);
    let cp = tagEnd + 1;
    let col = -1;
    for (;;) {
      const cs = xml.indexOf(C, cp);
      if (cs < 0 || cs >= rowEnd) break;
      if (!isTagEnd(xml.charCodeAt(cs + C.length))) {
        cp = cs + C.length;
        continue;
      }
      const ce = xml.indexOf(">", cs);
      const selfClosing = xml.charCodeAt(ce - 1) === 47;
      const attrs = xml.slice(cs + C.length, selfClosing ? ce - 1 : ce);
      const ref = attr(attrs, "r");
      col = ref ? colOf(ref) : col + 1;
      if (col >= MAX_COLS) throw new OutOfGrid(ref ? `<${p}c r="${ref}">` : `<${p}c> (column ${col + 1})`);
      if (selfClosing) {
        cp = ce + 1;
        continue;
      }
      const close = xml.indexOf(C_END, ce);
      const value = cellValue(attr(attrs, "t"), xml.slice(ce + 1, close), sst);
      if (value !== "") cell(row, col, value);
      cp = close + C_END.length;
    }
    pos = rowEnd + ROW_END.length;
  }
}

/**
 * Texts of a sharedStrings part: plain <si><t>…</t></si> items sliced directly, rich ones
 * joined (phonetic runs dropped) as the chart reader does.
 */
export function sharedStrings(xml: string): string[] {
  const { prefix: p, at } = prefixOf(xml, "si");
  const out: string[] = [];
  if (at < 0) return out;
  const SI = `<${p}si`, SI_END = `</${p}si>`, T = `<${p}t>`, T_END = `</${p}t>`;
  let pos = at;
  for (;;) {
    const s = xml.indexOf(SI, pos);
    if (s < 0) break;
    const tagEnd = xml.indexOf(">", s);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push("");
      pos = tagEnd + 1;
      continue;
    }
    const e = xml.indexOf(SI_END, tagEnd);
    const body = xml.slice(tagEnd + 1, e);
    if (body.startsWith(T) && body.endsWith(T_END) && body.indexOf("<", T.length) === body.length - T_END.length) {
      const t = body.slice(T.length, body.length - T_END.length);
      out.push(t.includes("&") ? unescapeXml(t) : t);
    } else out.push(inlineText(body));
    pos = e + SI_END.length;
  }
  return out;
}

function tableSnapshot(t: TableEntry): TableSnapshot | null {
  return tableFromRef(t.name, t.ref, t.columns);
}

/** One worksheet part as the in-memory shell's sheetSnapshot sees it: used range (tables included) and tables. */
export function sheetSnapshotFromXml(name: string, xml: string, tables: TableSnapshot[], sst: string[]): SheetSnapshot {
  const rows = new Map<number, SparseRow>();
  let lastRow = -1;
  let line: SparseRow = { cols: [], vals: [] };
  scanSheet(xml, sst, (r, c, v) => {
    if (r !== lastRow) {
      const got = rows.get(r);
      if (got) line = got;
      else rows.set(r, (line = { cols: [], vals: [] }));
      lastRow = r;
    }
    line.cols.push(c);
    line.vals.push(v);
  });
  const protectedSheet = /<(?:[A-Za-z_][\w.-]*:)?sheetProtection\b[^>]*\ssheet="(?:1|true)"/.test(xml.slice(xml.lastIndexOf("sheetData")));
  return denseSheet(name, rows, tables, protectedSheet);
}

/** The whole workbook's snapshot, read straight from the package. */
export function packageSnapshot(zip: ZipReader): WorkbookSnapshot {
  const sstPart = sharedStringsPart(zip);
  const sst = sstPart ? sharedStrings(zip.text(sstPart)) : [];
  const sheets: SheetSnapshot[] = [];
  for (const s of sheetEntries(zip)) {
    const tables = sheetTables(zip, s.part).map(tableSnapshot).filter((t): t is TableSnapshot => t !== null);
    try {
      sheets.push(sheetSnapshotFromXml(s.name, zip.text(s.part), tables, sst));
    } catch (e) {
      throw e instanceof OutOfGrid ? new OutOfGrid(e.element, s.part) : e;
    }
  }
  return { sheets, tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)) };
}
