import type { CellPosition } from "./types";
import { escapeXml, findTags, readAttr, rootTag } from "./xml";

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface ChartAnchor {
  /** drawing-unique object id (cNvPr/@id) */
  id: number;
  name: string;
  title: string;
  relId: string;
  from: CellPosition;
  to: CellPosition;
}

export function emptyDrawingXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"></xdr:wsDr>`;
}

/** Next free cNvPr id in a drawing (ids must be unique within one drawing part). */
export function nextObjectId(drawingXml: string): number {
  let max = 0;
  for (const tag of findTags(drawingXml, "cNvPr")) max = Math.max(max, Number(readAttr(tag, "id") ?? 0) || 0);
  return max + 1;
}

/** Appends chart anchors to a drawing part, declaring xdr/a where an existing root did not. */
export function appendAnchors(drawingXml: string, anchors: ChartAnchor[]): string {
  const root = rootTag(drawingXml);
  const declared = (prefix: string, ns: string): boolean => readAttr(root, `xmlns:${prefix}`) === ns;
  const ns = (declared("xdr", XDR_NS) ? "" : ` xmlns:xdr="${XDR_NS}"`) + (declared("a", A_NS) ? "" : ` xmlns:a="${A_NS}"`);
  const body = anchors.map((a) => anchorXml(a, ns)).join("");
  const close = drawingXml.lastIndexOf("</xdr:wsDr>");
  if (close >= 0) return drawingXml.slice(0, close) + body + drawingXml.slice(close);
  if (/<xdr:wsDr[^>]*\/>\s*$/.test(drawingXml)) return drawingXml.replace(/<xdr:wsDr([^>]*)\/>\s*$/, `<xdr:wsDr$1>${body}</xdr:wsDr>`);
  throw new Error("drawing part has no xdr:wsDr root to append charts to");
}

function anchorXml(a: ChartAnchor, ns: string): string {
  return (
    `<xdr:twoCellAnchor${ns}>` +
    markerXml("from", a.from) +
    markerXml("to", a.to) +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${a.id}" name="${escapeXml(a.name)}" descr="${escapeXml(a.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}">` +
    `<c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${a.relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function markerXml(tag: "from" | "to", p: CellPosition): string {
  return `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}
