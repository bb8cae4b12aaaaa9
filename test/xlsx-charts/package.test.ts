/** The package addChartsToXlsx writes: parts, content types, relationships, schema order, chart XML. */
import type JSZip from "jszip";
import { addChartsToXlsx } from "../../src/xlsx/charts";
import { buildWorkbook, CHARTS, DEMANDS, INDUSTRIES, MONTHS, SUMMARY, TIERS, TREND_SHEET } from "./fixture";
import { at, list, openZip, parse, parts, relationships, rootChildNames, text, type Node } from "./ooxml";

const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** CT_Worksheet's sequence; every worksheet's children must appear in this order. */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

let zip: JSZip;
let sheetPart: Map<string, string>;

beforeAll(async () => {
  zip = await openZip(await addChartsToXlsx(await buildWorkbook(), CHARTS));
  const wbRels = await relationships(zip, "xl/_rels/workbook.xml.rels");
  sheetPart = new Map(
    list(at(parse(await text(zip, "xl/workbook.xml")), "workbook", "sheets", "sheet")).map((s) => [
      String(s["@name"]),
      wbRels.find((r) => r.id === s["@r:id"])?.part ?? "",
    ]),
  );
});

async function chartsOf(sheet: string): Promise<{ anchor: Node; chartPart: string; chart: Node }[]> {
  const part = sheetPart.get(sheet) as string;
  const sheetRels = await relationships(zip, part.replace(/([^/]*)$/, "_rels/$1.rels"));
  const drawingId = at(parse(await text(zip, part)), "worksheet", "drawing", "@r:id");
  const drawingPart = sheetRels.find((r) => r.id === drawingId)?.part as string;
  const drawingRels = await relationships(zip, drawingPart.replace(/([^/]*)$/, "_rels/$1.rels"));
  const anchors = list(at(parse(await text(zip, drawingPart)), "xdr:wsDr", "xdr:twoCellAnchor")).filter((a) => a["xdr:graphicFrame"]);
  return Promise.all(
    anchors.map(async (anchor) => {
      const relId = at(anchor, "xdr:graphicFrame", "a:graphic", "a:graphicData", "c:chart", "@r:id");
      const chartPart = drawingRels.find((r) => r.id === relId)?.part as string;
      return { anchor, chartPart, chart: parse(await text(zip, chartPart)) };
    }),
  );
}

const plot = (chart: Node): Node => at(chart, "c:chartSpace", "c:chart", "c:plotArea") as Node;
const cacheTexts = (ref: unknown): string[] => list(at(ref, "c:strCache", "c:pt")).map((p) => String(p["c:v"]));
const cacheNumbers = (ref: unknown): number[] => list(at(ref, "c:numCache", "c:pt")).map((p) => Number(p["c:v"]));

describe("package parts", () => {
  it("holds one chart part per chart, a drawing per charted sheet, and their rels", () => {
    const names = parts(zip);
    expect(names.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(CHARTS.length);
    expect(names.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(2);
    expect(names.filter((p) => /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(p))).toHaveLength(2);
  });

  it("every part is well-formed XML", async () => {
    for (const p of parts(zip).filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await text(zip, p);
      expect(() => parse(xml)).not.toThrow();
    }
  });

  it("declares chart and drawing content types, and every part has one", async () => {
    const types = parse(await text(zip, "[Content_Types].xml"));
    const overrides = new Map(list(at(types, "Types", "Override")).map((o) => [String(o["@PartName"]), String(o["@ContentType"])]));
    const defaults = new Set(list(at(types, "Types", "Default")).map((d) => String(d["@Extension"])));
    for (const p of parts(zip)) {
      if (/^xl\/charts\/chart\d+\.xml$/.test(p)) expect(overrides.get(`/${p}`)).toBe(CHART_CT);
      if (/^xl\/drawings\/drawing\d+\.xml$/.test(p)) expect(overrides.get(`/${p}`)).toBe(DRAWING_CT);
      if (p === "[Content_Types].xml") continue;
      expect(overrides.has(`/${p}`) || defaults.has(p.slice(p.lastIndexOf(".") + 1))).toBe(true);
    }
  });

  it("every relationship target exists and ids are unique per rels part", async () => {
    for (const relsPart of parts(zip).filter((p) => p.endsWith(".rels"))) {
      const rels = await relationships(zip, relsPart);
      expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
      for (const r of rels.filter((x) => !x.external)) expect({ relsPart, target: r.part, exists: zip.file(r.part) !== null }).toEqual({ relsPart, target: r.part, exists: true });
    }
  });
});

describe("worksheet <drawing>", () => {
  it.each([SUMMARY, TREND_SHEET, "客户"])("%s keeps CT_Worksheet element order", async (sheet) => {
    const names = rootChildNames(await text(zip, sheetPart.get(sheet) as string));
    const positions = names.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("the summary's existing image drawing gains the charts, and the image stays", async () => {
    const names = rootChildNames(await text(zip, sheetPart.get(SUMMARY) as string));
    expect(names.filter((n) => n === "drawing")).toHaveLength(1);
    expect(names.slice(-2)).toEqual(["drawing", "extLst"]); // ExcelJS's data-bar extLst stays last
    const part = sheetPart.get(SUMMARY) as string;
    const sheetRels = await relationships(zip, part.replace(/([^/]*)$/, "_rels/$1.rels"));
    const drawing = sheetRels.find((r) => r.type.endsWith("/drawing"))?.part as string;
    const anchors = list(at(parse(await text(zip, drawing)), "xdr:wsDr", "xdr:twoCellAnchor"));
    expect(anchors.filter((a) => a["xdr:pic"])).toHaveLength(1);
    expect(anchors.filter((a) => a["xdr:graphicFrame"])).toHaveLength(4);
    const ids = anchors.map((a) => at(a, a["xdr:pic"] ? "xdr:pic" : "xdr:graphicFrame", a["xdr:pic"] ? "xdr:nvPicPr" : "xdr:nvGraphicFramePr", "xdr:cNvPr", "@id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the table sheet has no drawing and keeps its tableParts", async () => {
    const names = rootChildNames(await text(zip, sheetPart.get("客户") as string));
    expect(names).not.toContain("drawing");
    expect(names).toContain("tableParts");
    expect(names).toContain("dataValidations");
  });
});

describe("chart XML", () => {
  it("anchors each chart at its cells under its name", async () => {
    const charts = await chartsOf(SUMMARY);
    const specs = CHARTS.filter((c) => c.sheetName === SUMMARY);
    expect(charts.map((c) => at(c.anchor, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr", "@name"))).toEqual(specs.map((s) => s.name));
    charts.forEach((c, i) => {
      expect(Number(at(c.anchor, "xdr:from", "xdr:row"))).toBe(specs[i].anchor.from.row);
      expect(Number(at(c.anchor, "xdr:to", "xdr:col"))).toBe(specs[i].anchor.to.col);
    });
  });

  it("pie: varied colours, one series with cached categories and values, percent labels", async () => {
    const { chart } = (await chartsOf(SUMMARY))[0];
    const pie = at(plot(chart), "c:pieChart") as Node;
    expect(at(pie, "c:varyColors", "@val")).toBe("1");
    const ser = list(pie["c:ser"])[0];
    expect(at(ser, "c:tx", "c:strRef", "c:f")).toBe(`'${SUMMARY}'!$B$2`);
    expect(cacheTexts(at(ser, "c:tx", "c:strRef"))).toEqual(["客户数"]);
    expect(at(ser, "c:cat", "c:strRef", "c:f")).toBe(`'${SUMMARY}'!$A$3:$A$6`);
    expect(cacheTexts(at(ser, "c:cat", "c:strRef"))).toEqual(TIERS.map((t) => t[0]));
    expect(cacheNumbers(at(ser, "c:val", "c:numRef"))).toEqual(TIERS.map((t) => t[1]));
    expect(at(ser, "c:dLbls", "c:showPercent", "@val")).toBe("1");
    expect(at(plot(chart), "c:catAx")).toBeUndefined();
    expect(at(chart, "c:chartSpace", "c:chart", "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t")).toBe("客户等级分布");
  });

  it.each([
    [1, "col", INDUSTRIES.map((r) => r[0]), [INDUSTRIES.map((r) => r[1]), INDUSTRIES.map((r) => r[2])]],
    [2, "bar", DEMANDS.map((r) => r[0]), [DEMANDS.map((r) => r[1])]],
  ] as const)("chart %i: clustered barChart barDir=%s with both axes cross-linked", async (index, dir, cats, values) => {
    const { chart } = (await chartsOf(SUMMARY))[index];
    const bar = at(plot(chart), "c:barChart") as Node;
    expect(at(bar, "c:barDir", "@val")).toBe(dir);
    expect(at(bar, "c:grouping", "@val")).toBe("clustered");
    const sers = list(bar["c:ser"]);
    expect(sers.map((s) => cacheNumbers(at(s, "c:val", "c:numRef")))).toEqual(values);
    expect(cacheTexts(at(sers[0], "c:cat", "c:strRef"))).toEqual(cats);
    expectAxesLinked(plot(chart), list(bar["c:axId"]).map((a) => String(a["@val"])));
  });

  it("line: two series named by ref, cached months, axes, legend", async () => {
    const { chart } = (await chartsOf(SUMMARY))[3];
    const line = at(plot(chart), "c:lineChart") as Node;
    const sers = list(line["c:ser"]);
    expect(sers.map((s) => cacheTexts(at(s, "c:tx", "c:strRef")))).toEqual([["沟通次数"], ["需求数"]]);
    expect(cacheTexts(at(sers[0], "c:cat", "c:strRef"))).toEqual(MONTHS.map((m) => m[0]));
    expect(cacheNumbers(at(sers[1], "c:val", "c:numRef"))).toEqual(MONTHS.map((m) => m[2]));
    expectAxesLinked(plot(chart), list(line["c:axId"]).map((a) => String(a["@val"])));
    expect(at(chart, "c:chartSpace", "c:chart", "c:legend", "c:legendPos", "@val")).toBe("b");
  });

  it("escapes & < > in titles, literal names and anchor names; the given cache wins", async () => {
    const [{ chart, anchor }] = await chartsOf(TREND_SHEET);
    expect(at(chart, "c:chartSpace", "c:chart", "c:title", "c:tx", "c:rich", "a:p", "a:r", "a:t")).toBe("沟通次数 & <合计>");
    expect(at(anchor, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr", "@descr")).toBe("沟通次数 & <合计>");
    const ser = list(at(plot(chart), "c:lineChart", "c:ser"))[0];
    expect(at(ser, "c:tx", "c:v")).toBe("沟通次数");
    expect(cacheNumbers(at(ser, "c:val", "c:numRef"))).toEqual(MONTHS.map((m) => m[1]));
    const bar = (await chartsOf(SUMMARY))[2].chart;
    expect(at(list(at(plot(bar), "c:barChart", "c:ser"))[0], "c:tx", "c:v")).toBe("占比 <需求>");
    expect(cacheTexts(at(list(at(plot((await chartsOf(SUMMARY))[1].chart), "c:barChart", "c:ser"))[0], "c:cat", "c:strRef"))).toContain("零售 & 批发");
  });
});

function expectAxesLinked(plotArea: Node, groupAxIds: string[]): void {
  const cat = list(plotArea["c:catAx"]);
  const val = list(plotArea["c:valAx"]);
  expect(cat).toHaveLength(1);
  expect(val).toHaveLength(1);
  const catId = String(at(cat[0], "c:axId", "@val"));
  const valId = String(at(val[0], "c:axId", "@val"));
  expect(groupAxIds).toEqual([catId, valId]);
  expect(String(at(cat[0], "c:crossAx", "@val"))).toBe(valId);
  expect(String(at(val[0], "c:crossAx", "@val"))).toBe(catId);
}
