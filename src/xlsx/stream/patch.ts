import type { CellRange } from "../../core/plan/cells";
import type { ConditionalFormatPlan } from "../../core/plan/types";
import { rootChildrenFrom } from "../charts/xml";
import type { CellEdit, EditGrid } from "./edits";
import { attr } from "./read";
import { cellXml, colsXml, columnStyle, conditionalFormatXml, parseCols, setColumns, sqrefOverlaps, type ColDef } from "./sheet-parts";
import { UnsupportedPackage, type StyleBook } from "./styles";
import type { Sink } from "./zip";

export interface PatchOptions {
  grid: EditGrid;
  styles: StyleBook;
  widths: { col: number; width: number }[];
  clearConditionalFormats: CellRange[];
  conditionalFormats: ConditionalFormatPlan[];
  /** this sheet is (true) or is not (false) the one to show; undefined leaves the view alone */
  selected?: boolean;
}

/** CT_Worksheet children that come after <conditionalFormatting>. */
const AFTER_CF = new Set(["dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

const isTagEnd = (ch: number) => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else break;
  }
  return n - 1;
}

/**
 * Rewrites an existing worksheet part with the plan's cell edits, streaming it row by row into
 * `sink`: rows without edits are copied as they are (styles, formulas, everything), edited rows
 * get their cells replaced or inserted in column order, keeping each cell's own style. Around
 * sheetData only <cols>, <dimension>, the selected tab and conditional formats change.
 */
export async function patchSheet(xml: string, o: PatchOptions, sink: Sink): Promise<void> {
  if (/^\s*(?:<\?xml[^>]*\?>\s*)?<[A-Za-z_][\w.-]*:worksheet\b/.test(xml)) throw new UnsupportedPackage("prefixed worksheet");
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new UnsupportedPackage("worksheet without sheetData");
  const selfClosing = open[1] === "/";
  const bodyStart = open.index + open[0].length;
  const close = selfClosing ? bodyStart : xml.indexOf("</sheetData>", bodyStart);
  const tailStart = selfClosing ? bodyStart : close + "</sheetData>".length;

  const colsMatch = /<cols>[\s\S]*?<\/cols>|<cols\/>/.exec(xml.slice(0, open.index));
  let cols: ColDef[] = colsMatch ? parseCols(colsMatch[0]) : [];
  const baseCols = cols;
  if (o.widths.length) cols = setColumns(cols, o.widths);
  await sink.write(head(xml.slice(0, open.index), colsXml(cols), colsMatch?.[0], o));
  await sink.write("<sheetData>");

  const editRows = o.grid.rows();
  let k = 0;
  const emitNew = async (upTo: number): Promise<void> => {
    while (k < editRows.length && editRows[k] < upTo) {
      const r = editRows[k++];
      const cells = o.grid.rowEdits(r).map(([c, e]) => newCell(r, c, e, columnStyle(baseCols, c), o.styles)).join("");
      if (cells) await sink.write(`<row r="${r + 1}">${cells}</row>`);
    }
  };

  let pos = bodyStart;
  let copyFrom = bodyStart;
  let row = -1;
  while (!selfClosing) {
    const rs = xml.indexOf("<row", pos);
    if (rs < 0 || rs >= close) break;
    if (!isTagEnd(xml.charCodeAt(rs + 4))) {
      pos = rs + 4;
      continue;
    }
    const tagEnd = xml.indexOf(">", rs);
    const rowAttrs = xml.slice(rs + 4, xml.charCodeAt(tagEnd - 1) === 47 ? tagEnd - 1 : tagEnd);
    const r = attr(rowAttrs, "r");
    row = r ? Number(r) - 1 : row + 1;
    const empty = xml.charCodeAt(tagEnd - 1) === 47;
    const rowEnd = empty ? tagEnd + 1 : xml.indexOf("</row>", tagEnd) + "</row>".length;
    if (k < editRows.length && editRows[k] <= row) {
      await sink.write(xml.slice(copyFrom, rs));
      await emitNew(row);
      // Asked only now: the rows emitted just before may have been what stood before this one.
      if (k < editRows.length && editRows[k] === row) {
        k++;
        await sink.write(mergeRow(row, rowAttrs, empty ? "" : xml.slice(tagEnd + 1, rowEnd - "</row>".length), o.grid.rowEdits(row), baseCols, o.styles));
        copyFrom = rowEnd;
      } else copyFrom = rs;
    }
    pos = rowEnd;
  }
  await sink.write(xml.slice(copyFrom, selfClosing ? bodyStart : close));
  await emitNew(Infinity);
  await sink.write("</sheetData>");
  await sink.write(tail(xml.slice(tailStart), o));
}

function head(h: string, cols: string, oldCols: string | undefined, o: PatchOptions): string {
  let out = h;
  if (o.widths.length) {
    if (oldCols) out = out.replace(oldCols, () => cols);
    else {
      const at = out.search(/<sheetFormatPr\b[^>]*\/>/);
      if (at >= 0) {
        const m = /<sheetFormatPr\b[^>]*\/>/.exec(out) as RegExpExecArray;
        out = out.slice(0, m.index + m[0].length) + cols + out.slice(m.index + m[0].length);
      } else out += cols;
    }
  }
  // the used range may have grown to the right or down: a dimension is only a hint, so widen it
  const dim = /<dimension\b[^>]*\bref="([^"]*)"[^>]*\/>/.exec(out);
  if (dim && o.grid.maxRow >= 0) {
    const [a, b] = dim[1].split(":");
    const br = /^([A-Z]+)(\d+)$/.exec(b ?? a);
    if (br) {
      const maxCol = Math.max(colIndex(br[1]), o.grid.maxCol);
      const maxRow = Math.max(Number(br[2]) - 1, o.grid.maxRow);
      let letters = "";
      for (let n = maxCol + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      out = out.replace(dim[0], `<dimension ref="${a}:${letters}${maxRow + 1}"/>`);
    }
  }
  if (o.selected === false) out = out.replace(/(<sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/, "$1");
  if (o.selected === true && !/tabSelected="(?:1|true)"/.test(out)) out = out.replace(/<sheetView\b/, '<sheetView tabSelected="1"');
  return out;
}

function tail(t: string, o: PatchOptions): string {
  if (!o.clearConditionalFormats.length && !o.conditionalFormats.length) return t;
  // `t` starts right after </sheetData>: its root children are the worksheet's remaining elements
  const kids = rootChildrenFrom(t, 0);
  let out = "";
  let last = 0;
  let maxPriority = 0;
  let insertAt = -1;
  for (const k of kids) {
    if (k.name === "conditionalFormatting") {
      const el = t.slice(k.start, k.end);
      const sqref = /sqref="([^"]*)"/.exec(el)?.[1] ?? "";
      out += t.slice(last, k.start);
      last = k.end;
      if (!o.clearConditionalFormats.some((r) => sqrefOverlaps(r, sqref))) {
        out += el;
        for (const m of el.matchAll(/priority="(\d+)"/g)) maxPriority = Math.max(maxPriority, Number(m[1]));
      }
      insertAt = out.length;
    } else if (insertAt < 0 && AFTER_CF.has(k.name)) {
      out += t.slice(last, k.start);
      last = k.start;
      insertAt = out.length;
    }
  }
  out += t.slice(last);
  if (insertAt < 0) insertAt = out.lastIndexOf("</");
  const added = o.conditionalFormats.map((cf, i) => conditionalFormatXml(cf, maxPriority + i + 1, o.styles)).join("");
  return out.slice(0, insertAt) + added + out.slice(insertAt);
}

function newCell(row: number, col: number, e: CellEdit, base: number, styles: StyleBook): string {
  const from = e.reset ? 0 : base;
  const s = e.change ? styles.xf(from, e.change) : from;
  return cellXml(row, col, s, e.value ?? "", e.formula);
}

interface ExistingCell {
  col: number;
  xml: string;
  attrs: string;
  body: string | null;
}

function mergeRow(row: number, rowAttrs: string, body: string, edits: [number, CellEdit][], cols: ColDef[], styles: StyleBook): string {
  const existing: ExistingCell[] = [];
  let cp = 0;
  let col = -1;
  for (;;) {
    const cs = body.indexOf("<c", cp);
    if (cs < 0) break;
    if (!isTagEnd(body.charCodeAt(cs + 2))) {
      cp = cs + 2;
      continue;
    }
    const ce = body.indexOf(">", cs);
    const self = body.charCodeAt(ce - 1) === 47;
    let attrs = body.slice(cs + 2, self ? ce - 1 : ce);
    const ref = attr(attrs, "r");
    col = ref ? colIndex(ref) : col + 1;
    const end = self ? ce + 1 : body.indexOf("</c>", ce) + 4;
    let xml = body.slice(cs, end);
    // a cell without r gets one: cells are inserted around it
    if (!ref) {
      xml = `<c r="${addr(row, col)}"` + xml.slice(2);
      attrs = ` r="${addr(row, col)}"` + attrs;
    }
    existing.push({ col, xml, attrs, body: self ? null : body.slice(ce + 1, end - 4) });
    cp = end;
  }
  const rowStyle = attr(rowAttrs, "customFormat") === "1" ? Number(attr(rowAttrs, "s") ?? 0) : undefined;
  let out = "";
  let i = 0;
  let j = 0;
  while (i < existing.length || j < edits.length) {
    const ex = existing[i];
    const ed = edits[j];
    if (ed === undefined || (ex !== undefined && ex.col < ed[0])) {
      out += ex.xml;
      i++;
      continue;
    }
    const [c, e] = ed;
    j++;
    if (ex === undefined || ex.col > c) {
      out += newCell(row, c, e, rowStyle ?? columnStyle(cols, c), styles);
      continue;
    }
    i++;
    // A cleared cell starts again from the default look and no value: with nothing written it is gone.
    const base = e.reset ? 0 : Number(attr(ex.attrs, "s") ?? 0);
    const s = e.change ? styles.xf(base, e.change) : base;
    if (e.value !== undefined) out += cellXml(row, c, s, e.value, e.formula);
    else if (e.reset) out += s ? cellXml(row, c, s, "") : "";
    else if (s === base) out += ex.xml;
    else {
      const startTag = ex.attrs.replace(/\ss="\d*"/, "");
      out += `<c${startTag} s="${s}"${ex.body === null ? "/>" : `>${ex.body}</c>`}`;
    }
  }
  // spans is only a loading hint, and may no longer hold
  const attrs = rowAttrs.replace(/\sspans="[^"]*"/, "");
  return `<row${attrs}>${out}</row>`;
}

function addr(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
