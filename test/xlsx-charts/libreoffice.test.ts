/**
 * A real spreadsheet application draws the charts (PDF + PNG under test-output/xlsx-charts/ to
 * look at) and keeps them through its own save as .xlsx.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addChartsToXlsx, type XlsxChartSpec } from "../../src/xlsx/charts";
import { parseRef } from "../../src/xlsx/charts/refs";
import { buildWorkbook, CHARTS, MONTHS, SUMMARY, TIERS } from "./fixture";
import { convertWithLibreOffice, itWithLibreOffice, pdfText, renderPdfToPng } from "./libreoffice";
import { at, list, openZip, parse, parts, text, type Node } from "./ooxml";

const OUT = join(__dirname, "..", "..", "test-output", "xlsx-charts");

/** "'分析汇总'!$A$3:$A$6" and "分析汇总!$A$3:$A$6" are the same ref. */
const norm = (ref: string): string => {
  const r = parseRef(ref);
  return `${r.sheet}!R${r.top}C${r.left}:R${r.bottom}C${r.right}`;
};

function expectedRefs(spec: XlsxChartSpec): string[] {
  return spec.series.flatMap((s) => [
    ...(typeof s.name === "string" ? [] : [norm(s.name.ref)]),
    norm(spec.categories),
    norm(s.values),
  ]);
}

describe("LibreOffice", () => {
  let xlsxPath: string;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    xlsxPath = join(OUT, "charts.xlsx");
    writeFileSync(xlsxPath, await addChartsToXlsx(await buildWorkbook(), CHARTS));
  });

  itWithLibreOffice("converts to PDF with the charts drawn with the right data, and renders PNG pages", async () => {
    const pdf = await convertWithLibreOffice(xlsxPath, "pdf", join(OUT, "pdf"));
    const pngs = await renderPdfToPng(pdf, join(OUT, "page"));
    expect(pngs).toHaveLength(3); // 客户, 分析汇总 (fit to one page), the trend sheet
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(2000);

    // LibreOffice spaces CJK from ASCII punctuation in chart text ("< 合计 >"), so compare without blanks
    const words = (await pdfText(pdf)).replace(/\s+/g, "");
    for (const spec of CHARTS) expect(words).toContain(spec.title.replace(/\s+/g, ""));
    // pie percent labels: shares of 12, 20, 35, 8 customers
    const total = TIERS.reduce((n, t) => n + t[1], 0);
    for (const [, count] of TIERS) expect(words).toContain(`${Math.round((100 * count) / total)}%`);
    // the column chart's category axis and legend, drawn from the strCache/strRef
    expect(words).toContain("平均意向度");
    expect(words).toContain(MONTHS[4][0]);
  });

  itWithLibreOffice("keeps the chart parts and their series refs through a LibreOffice save as .xlsx", async () => {
    const saved = await convertWithLibreOffice(xlsxPath, "xlsx", join(OUT, "roundtrip"));
    const zip = await openZip(readFileSync(saved));
    const chartParts = parts(zip).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartParts).toHaveLength(CHARTS.length);

    const found: { refs: string[]; values: number[][] }[] = [];
    for (const part of chartParts) {
      const plotArea = at(parse(await text(zip, part)), "c:chartSpace", "c:chart", "c:plotArea") as Node;
      const group = ["c:pieChart", "c:barChart", "c:lineChart"].map((g) => plotArea[g]).find(Boolean);
      const sers = list(at(group, "c:ser"));
      found.push({
        refs: sers.flatMap((s) => {
          const name = at(s, "c:tx", "c:strRef", "c:f");
          return [
            // LibreOffice writes a literal series name as a string formula ("\"沟通次数\""): not a ref
            ...(typeof name === "string" && !name.startsWith('"') ? [norm(name)] : []),
            norm(String(at(s, "c:cat", "c:strRef", "c:f") ?? at(s, "c:cat", "c:numRef", "c:f"))),
            norm(String(at(s, "c:val", "c:numRef", "c:f"))),
          ];
        }),
        values: sers.map((s) => list(at(s, "c:val", "c:numRef", "c:numCache", "c:pt")).map((p) => Number(p["c:v"]))),
      });
    }
    const key = (refs: string[]): string => [...refs].sort().join("|");
    expect(found.map((f) => key(f.refs)).sort()).toEqual(CHARTS.map((c) => key(expectedRefs(c))).sort());
    const pie = found.find((f) => f.refs.includes(norm(`'${SUMMARY}'!$B$3:$B$6`)));
    expect(pie?.values).toEqual([TIERS.map((t) => t[1])]);
  });
});
