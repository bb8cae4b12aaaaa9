import type { ResolvedChart, ResolvedSeries } from "./types";
import { escapeXml } from "./xml";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

// Any two distinct ids; they only have to match between the chart group and its axes.
const CAT_AX_ID = 500000001;
const VAL_AX_ID = 500000002;

/** xl/charts/chartN.xml for one chart. Element order follows the CT_* sequences of the chart schema. */
export function chartXml(chart: ResolvedChart): string {
  const axial = chart.type !== "pie";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    titleXml(chart.title) +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    groupXml(chart) +
    (axial ? axesXml(chart.type === "bar") : "") +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="${axial ? "b" : "r"}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function groupXml(chart: ResolvedChart): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join("");
  const axIds = `<c:axId val="${CAT_AX_ID}"/><c:axId val="${VAL_AX_ID}"/>`;
  switch (chart.type) {
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "column":
    case "bar":
      return (
        `<c:barChart><c:barDir val="${chart.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axIds}</c:barChart>`
      );
    case "line":
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
  }
}

function seriesXml(chart: ResolvedChart, s: ResolvedSeries, index: number): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${seriesNameXml(s)}`;
  const data = categoriesXml(chart) + valuesXml(s);
  switch (chart.type) {
    case "pie":
      return `<c:ser>${head}${pieLabelsXml()}${data}</c:ser>`;
    case "column":
    case "bar":
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    case "line":
      return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${data}<c:smooth val="0"/></c:ser>`;
  }
}

function seriesNameXml(s: ResolvedSeries): string {
  if ("literal" in s.name) return `<c:tx><c:v>${escapeXml(s.name.literal)}</c:v></c:tx>`;
  return (
    `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f>` +
    `<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name.cached)}</c:v></c:pt></c:strCache>` +
    `</c:strRef></c:tx>`
  );
}

function pieLabelsXml(): string {
  return (
    `<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:dLblPos val="bestFit"/>` +
    `<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`
  );
}

function categoriesXml(chart: ResolvedChart): string {
  // blank cells get no point, as Excel writes them
  const pts = chart.categoryCache
    .map((v, i) => (v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`))
    .join("");
  return (
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categories)}</c:f>` +
    `<c:strCache><c:ptCount val="${chart.categoryCache.length}"/>${pts}</c:strCache></c:strRef></c:cat>`
  );
}

function valuesXml(s: ResolvedSeries): string {
  const pts = s.cache
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`))
    .join("");
  return (
    `<c:val><c:numRef><c:f>${escapeXml(s.values)}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.cache.length}"/>${pts}</c:numCache>` +
    `</c:numRef></c:val>`
  );
}

/** Category axis then value axis; for a horizontal bar chart the categories run up the left side. */
function axesXml(horizontal: boolean): string {
  const catPos = horizontal ? "l" : "b";
  const valPos = horizontal ? "b" : "l";
  return (
    `<c:catAx><c:axId val="${CAT_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AX_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}
