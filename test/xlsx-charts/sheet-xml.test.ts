/** Units: where <drawing> goes, ref parsing, escaping, and spec errors. */
import { addChartsToXlsx, type XlsxChartSpec } from "../../src/xlsx/charts";
import { parseRef } from "../../src/xlsx/charts/refs";
import { existingDrawingRelId, insertDrawing } from "../../src/xlsx/charts/sheet-xml";
import { escapeXml, unescapeXml } from "../../src/xlsx/charts/xml";
import { buildWorkbook, CHARTS, SUMMARY } from "./fixture";

const HEAD = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
const sheet = (body: string): string => `${HEAD}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${body}</worksheet>`;

describe("insertDrawing", () => {
  it("goes after pageSetup/headerFooter and before legacyDrawing, tableParts and extLst", () => {
    const xml = sheet(`<pageMargins/><pageSetup/><headerFooter/><ignoredErrors/><legacyDrawing r:id="rId1"/><tableParts count="0"/><extLst/>`);
    expect(insertDrawing(xml, "rId9")).toContain(`<ignoredErrors/><drawing r:id="rId9"/><legacyDrawing`);
  });

  it("is not fooled by an extLst nested in a conditional format", () => {
    const xml = sheet(`<conditionalFormatting sqref="A1"><cfRule type="dataBar"><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>`);
    expect(insertDrawing(xml, "rId2")).toContain(`<pageMargins/><drawing r:id="rId2"/><tableParts`);
  });

  it("goes last when nothing must follow it, using the root's prefixes", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/><x:pageMargins/></x:worksheet>`;
    expect(insertDrawing(xml, "rId1")).toBe(xml.replace("</x:worksheet>", `<x:drawing rel:id="rId1"/></x:worksheet>`));
  });

  it("finds an existing drawing's r:id", () => {
    expect(existingDrawingRelId(sheet(`<pageMargins/><drawing r:id="rId3"/>`))).toBe("rId3");
    expect(existingDrawingRelId(sheet(`<pageMargins/>`))).toBeUndefined();
  });
});

describe("refs and escaping", () => {
  it("parses quoted sheet names with apostrophes and plain ones", () => {
    expect(parseRef("'分析汇总'!$A$3:$A$6")).toEqual({ sheet: "分析汇总", top: 2, left: 0, bottom: 5, right: 0 });
    expect(parseRef("'O''Brien & 客户'!$B$2")).toMatchObject({ sheet: "O'Brien & 客户", top: 1, left: 1 });
    expect(parseRef("Data!AA10:AC10")).toMatchObject({ sheet: "Data", left: 26, right: 28 });
    expect(() => parseRef("$A$1:$A$4")).toThrow(/sheet-qualified/);
  });

  it("escapes markup and round-trips it", () => {
    expect(escapeXml(`a & <b> "c"`)).toBe("a &amp; &lt;b&gt; &quot;c&quot;");
    expect(unescapeXml(escapeXml(`客户 & <合计> "x" 'y'`))).toBe(`客户 & <合计> "x" 'y'`);
  });
});

describe("spec errors are clear", () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await buildWorkbook();
  });
  const pie = CHARTS[0];
  const bad = (patch: Partial<XlsxChartSpec>): Promise<Buffer> => addChartsToXlsx(xlsx, [{ ...pie, ...patch }]);

  it("unknown sheet", () => expect(bad({ sheetName: "无此表" })).rejects.toThrow(/no sheet named "无此表"/));
  it("ref to an unknown sheet", () => expect(bad({ categories: "'Nope'!$A$1:$A$4" })).rejects.toThrow(/names no sheet/));
  it("categories and values of different lengths", () =>
    expect(bad({ categories: `'${SUMMARY}'!$A$3:$A$5` })).rejects.toThrow(/has 4 cells but the categories have 3/));
  it("a two-dimensional range", () =>
    expect(bad({ categories: `'${SUMMARY}'!$A$3:$B$6` })).rejects.toThrow(/single row or a single column/));
  it("a cache of the wrong shape", () =>
    expect(bad({ cache: { categories: ["a"], series: [[1]] } })).rejects.toThrow(/cache has 1 categories/));
  it("an inverted anchor", () =>
    expect(bad({ anchor: { from: { row: 5, col: 5 }, to: { row: 1, col: 1 } } })).rejects.toThrow(/anchor/));
  it("two charts with one name on a sheet", () =>
    expect(addChartsToXlsx(xlsx, [pie, pie])).rejects.toThrow(/two charts named/));
});
