import { chartXml } from "./chart-xml";
import { addOverride, CONTENT_TYPE } from "./content-types";
import { appendAnchors, emptyDrawingXml, nextObjectId, type ChartAnchor } from "./drawing-xml";
import { XlsxPackage } from "./package";
import { addRelationship, emptyRelationships, parseRelationships, REL_TYPE, relativeTarget, relsPathFor, resolveTarget } from "./rels";
import { resolveChart } from "./resolve";
import { existingDrawingRelId, insertDrawing } from "./sheet-xml";
import type { ResolvedChart, XlsxChartSpec } from "./types";

export type { XlsxChartSpec, XlsxChartSeries, CellPosition } from "./types";

const CONTENT_TYPES = "[Content_Types].xml";

/**
 * Adds native DrawingML charts to an .xlsx written by ExcelJS (which cannot write charts).
 * Charts of one sheet share its drawing part; an existing drawing (images) is extended.
 * Caches are written so Excel and LibreOffice draw the values without recalculating.
 */
export async function addChartsToXlsx(xlsx: Buffer | Uint8Array, charts: XlsxChartSpec[]): Promise<Buffer> {
  const pkg = await XlsxPackage.open(xlsx);
  if (charts.length === 0) return pkg.toBuffer();
  const sheets = await pkg.sheetParts();

  const bySheet = new Map<string, { spec: XlsxChartSpec; chart: ResolvedChart }[]>();
  for (const spec of charts) {
    const chart = await resolveChart(spec, pkg, sheets);
    const list = bySheet.get(spec.sheetName) ?? [];
    if (list.some((c) => c.spec.name === spec.name)) throw new Error(`two charts named "${spec.name}" on sheet "${spec.sheetName}"`);
    list.push({ spec, chart });
    bySheet.set(spec.sheetName, list);
  }

  let contentTypes = await pkg.text(CONTENT_TYPES);
  for (const [sheetName, list] of bySheet) {
    const sheetPart = sheets.get(sheetName) as string; // checked by resolveChart
    const drawing = await sheetDrawing(pkg, sheetPart);
    contentTypes = addOverride(contentTypes, drawing.part, CONTENT_TYPE.drawing);

    const drawingRelsPart = relsPathFor(drawing.part);
    let drawingRels = await pkg.textOr(drawingRelsPart, emptyRelationships());
    let drawingXml = await pkg.textOr(drawing.part, emptyDrawingXml());
    let id = nextObjectId(drawingXml);
    const anchors: ChartAnchor[] = [];
    for (const { spec, chart } of list) {
      const chartPart = pkg.newPartName("xl/charts", "chart");
      pkg.write(chartPart, chartXml(chart));
      contentTypes = addOverride(contentTypes, chartPart, CONTENT_TYPE.chart);
      const rel = addRelationship(drawingRels, REL_TYPE.chart, relativeTarget(drawing.part, chartPart));
      drawingRels = rel.xml;
      anchors.push({ id: id++, name: spec.name, title: spec.title, relId: rel.id, ...spec.anchor });
    }
    drawingXml = appendAnchors(drawingXml, anchors);
    pkg.write(drawing.part, drawingXml);
    pkg.write(drawingRelsPart, drawingRels);
  }
  pkg.write(CONTENT_TYPES, contentTypes);
  return pkg.toBuffer();
}

/** The sheet's drawing part: the existing one, or a new one wired into the sheet and its rels. */
async function sheetDrawing(pkg: XlsxPackage, sheetPart: string): Promise<{ part: string }> {
  const sheetXml = await pkg.text(sheetPart);
  const sheetRelsPart = relsPathFor(sheetPart);
  const sheetRels = await pkg.textOr(sheetRelsPart, emptyRelationships());
  const existing = existingDrawingRelId(sheetXml);
  if (existing) {
    const rel = parseRelationships(sheetRels).find((r) => r.id === existing && r.type === REL_TYPE.drawing);
    if (!rel) throw new Error(`${sheetPart}: <drawing r:id="${existing}"> has no drawing relationship`);
    return { part: resolveTarget(sheetPart, rel.target) };
  }
  const part = pkg.newPartName("xl/drawings", "drawing");
  const rel = addRelationship(sheetRels, REL_TYPE.drawing, relativeTarget(sheetPart, part));
  pkg.write(sheetRelsPart, rel.xml);
  pkg.write(sheetPart, insertDrawing(sheetXml, rel.id));
  return { part };
}
