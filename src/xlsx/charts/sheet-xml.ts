import { readAttr, rootChildrenFrom, rootPrefix, rootTag } from "./xml";

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** CT_Worksheet children that must follow <drawing>; it goes before the first of them present. */
const AFTER_DRAWING = new Set([
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
]);

/** Root children after sheetData (drawing always follows it, and skipping rows keeps this fast). */
function childrenAfterSheetData(sheetXml: string): ReturnType<typeof rootChildrenFrom> {
  const close = /<\/(?:[\w.-]+:)?sheetData>|<(?:[\w.-]+:)?sheetData\s*\/>/.exec(sheetXml);
  if (!close) throw new Error("worksheet has no sheetData");
  return rootChildrenFrom(sheetXml, close.index + close[0].length);
}

/** r:id of the sheet's existing <drawing>, if any. */
export function existingDrawingRelId(sheetXml: string): string | undefined {
  const drawing = childrenAfterSheetData(sheetXml).find((c) => c.name === "drawing");
  if (!drawing) return undefined;
  const tag = sheetXml.slice(drawing.start, drawing.end);
  const prefix = relPrefix(rootTag(sheetXml)) ?? "r";
  return readAttr(tag, `${prefix}:id`);
}

/** Inserts <drawing r:id=…/> at its schema position. */
export function insertDrawing(sheetXml: string, relId: string): string {
  const children = childrenAfterSheetData(sheetXml);
  if (children.some((c) => c.name === "drawing")) throw new Error("worksheet already has a drawing");
  const root = rootTag(sheetXml);
  const p = rootPrefix(sheetXml);
  const rPrefix = relPrefix(root);
  const attr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${R_NS}" r:id="${relId}"`;
  const element = `<${p ? `${p}:` : ""}drawing ${attr}/>`;
  const next = children.find((c) => AFTER_DRAWING.has(c.name));
  const at = next ? next.start : sheetXml.lastIndexOf("</");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** The prefix the root binds to the relationships namespace, if any. */
function relPrefix(root: string): string | undefined {
  for (const m of root.matchAll(/\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    if ((m[3] ?? m[4]) === R_NS) return m[1];
  }
  return undefined;
}
