import type { SummaryData } from "../engine/summary";
import { REPORT } from "../i18n/report";
import { TIER_NAMES } from "../layout/sheets";
import type { CellValue, Label, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import type { ChartPlan, SheetPlan } from "../plan/types";

/** Where the tables sit (columns A–F) and where the charts stack (columns H–P). */
const LEFT_WIDTH = 6;
const CHART_COL = 7;
const CHART_COLS = 8;
const CHART_ROWS = 16;
export const CHART_PREFIX = "ci_";

const BLOCK_TITLE_FILL = "#0F6CBD";
const HEAD_FILL = "#DEECF9";

/** Lays blocks out top to bottom, one blank row apart, and records what to format. */
class SheetWriter {
  row = 0;
  constructor(
    readonly sp: SheetPlan,
    readonly lang: Lang,
  ) {}

  t(label: Label): string {
    return pick(label, this.lang);
  }

  title(text: string): void {
    this.sp.writes.push({ row: this.row, col: 0, kind: "values", values: [[text]] });
    this.sp.formats.push({ range: { row: this.row, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 16, fontColor: "#0F6CBD" });
    this.row += 1;
  }

  /** A titled table; returns the range of header + rows (for charts). */
  block(title: Label, headers: string[], rows: CellValue[][], numberFormats?: string[]): { row: number; col: number; rowCount: number; colCount: number } {
    const width = Math.max(headers.length, ...rows.map((r) => r.length));
    this.sp.writes.push({ row: this.row, col: 0, kind: "values", values: [[this.t(title)]] });
    this.sp.formats.push({ range: { row: this.row, col: 0, rowCount: 1, colCount: Math.max(width, 1) }, bold: true, fill: BLOCK_TITLE_FILL, fontColor: "#FFFFFF" });
    this.row += 1;
    const start = this.row;
    const pad = (r: CellValue[]) => [...r, ...new Array<CellValue>(width - r.length).fill("")];
    this.sp.writes.push({ row: start, col: 0, kind: "values", values: [pad(headers), ...rows.map(pad)], numberFormats: numberFormats ? pad(numberFormats).map((f) => (f === "" ? "General" : String(f))) : undefined });
    this.sp.formats.push({ range: { row: start, col: 0, rowCount: 1, colCount: width }, bold: true, fill: HEAD_FILL, wrap: true });
    this.row = start + 1 + rows.length + 1;
    return { row: start, col: 0, rowCount: rows.length + 1, colCount: width };
  }

  lines(title: Label, lines: string[]): void {
    this.sp.writes.push({ row: this.row, col: 0, kind: "values", values: [[this.t(title)]] });
    this.sp.formats.push({ range: { row: this.row, col: 0, rowCount: 1, colCount: LEFT_WIDTH }, bold: true, fill: BLOCK_TITLE_FILL, fontColor: "#FFFFFF" });
    this.row += 1;
    if (lines.length) {
      this.sp.writes.push({ row: this.row, col: 0, kind: "values", values: lines.map((l) => [l]) });
      this.row += lines.length;
    }
    this.row += 1;
  }
}

function chart(name: string, type: ChartPlan["type"], title: string, source: ChartPlan["source"], slot: number): ChartPlan {
  const top = 1 + slot * (CHART_ROWS + 1);
  return { name: CHART_PREFIX + name, type, title, source, from: { row: top, col: CHART_COL }, to: { row: top + CHART_ROWS, col: CHART_COL + CHART_COLS } };
}

const TOP_OVERDUE = 20;

/**
 * The Summary sheet: the figures a team meets about (SPEC §3), each block a plain table so it
 * can be read, copied and charted without the add-in; charts are bound to those tables.
 */
export function renderSummary(sp: SheetPlan, s: SummaryData, lang: Lang, texts: { conclusions: string[]; recommendations: string[]; segmentName: (id: string) => string; asOf: string }): void {
  const w = new SheetWriter(sp, lang);
  const t = (l: Label) => pick(l, lang);
  const blank = (v: string) => (v === "" ? t(REPORT.blank) : v);
  w.title(t(REPORT.title));
  w.block(REPORT.overview, [t(REPORT.asOf), t(REPORT.customers), t(REPORT.withBehaviour), t(REPORT.prospects), t(REPORT.totalAmount)], [[texts.asOf, s.customerCount, s.withBehaviourCount, s.prospectCount, s.totalAmount]], ["", "0", "0", "0", "#,##0.00"]);
  w.block(REPORT.keyFigures, [t(REPORT.coreCount), t(REPORT.overdueCount), t(REPORT.dueSoonCount), t(REPORT.incomplete)], [[s.coreCount, s.overdue.length, s.dueSoonCount, s.incompleteCount]]);

  const tierRows = s.tiers.filter((x) => x.tier !== "" || x.count > 0).map((x) => [x.tier === "" ? t(REPORT.notScored) : `${x.tier} ${t(TIER_NAMES[x.tier])}`, x.count, x.share, x.amount]);
  const tiers = w.block(REPORT.tierBlock, [t(REPORT.tier), t(REPORT.count), t(REPORT.share), t(REPORT.amount)], tierRows, ["", "0", "0.0%", "#,##0.00"]);
  sp.charts.push(chart("tiers", "pie", t(REPORT.chartTiers), { ...tiers, colCount: 2 }, 0));

  const industries = w.block(
    REPORT.industryBlock,
    [t(REPORT.industry), t(REPORT.count), t(REPORT.meanLikelihood), t(REPORT.meanNeedMatch)],
    s.industries.map((x) => [blank(x.industry), x.count, x.meanLikelihood ?? "", x.meanNeedMatch ?? ""]),
    ["", "0", "0.0", "0.0"],
  );
  if (s.industries.length) sp.charts.push(chart("industries", "column", t(REPORT.chartIndustry), { ...industries, colCount: 2 }, 1));

  const demand = w.block(REPORT.demandBlock, [t(REPORT.demandType), t(REPORT.count), t(REPORT.share)], s.demandTypes.map((x) => [blank(x.key), x.count, x.share]), ["", "0", "0.0%"]);
  if (s.demandTypes.length) sp.charts.push(chart("demand", "bar", t(REPORT.chartDemand), { ...demand, colCount: 2 }, 2));

  // demandTrend is demand type × month; the sheet shows months down and demand types across.
  const dt = s.demandTrend;
  const trend = w.block(
    REPORT.trendBlock,
    [t(REPORT.month), t(REPORT.contacts), ...dt.rows.map(blank)],
    s.contactTrend.months.map((m, i) => {
      const at = dt.cols.indexOf(m);
      return [m, s.contactTrend.contacts[i], ...dt.rows.map((_, j) => (at < 0 ? 0 : (dt.counts[j][at] ?? 0)))];
    }),
  );
  sp.charts.push(chart("trend", "line", t(REPORT.chartTrend), trend, 3));

  const gp = s.gradePriority;
  w.block(REPORT.gradePriorityBlock, [`${t(REPORT.gradePriorityBlock)}`, ...gp.cols.map(blank)], gp.rows.map((r, i) => [blank(r), ...gp.counts[i]]));
  const id = s.industryDemand;
  w.block(REPORT.industryDemandBlock, [t(REPORT.industry), ...id.cols.map(blank)], id.rows.map((r, i) => [blank(r), ...id.counts[i]]));
  if (s.segments.length) w.block(REPORT.segmentBlock, [t(REPORT.segment), t(REPORT.count)], s.segments.map((x) => [texts.segmentName(x.segment), x.count]));
  const overdueRows = s.overdue.slice(0, TOP_OVERDUE).map((o) => [o.id, o.name, o.nextFollowUp, o.daysOverdue, o.priority]);
  if (overdueRows.length) {
    w.block(REPORT.overdueBlock, [t(REPORT.id), t(REPORT.name), t(REPORT.nextFollowUp), t(REPORT.daysOverdue), t(REPORT.priority)], overdueRows, ["@", "", "yyyy-mm-dd", "0", ""]);
    if (s.overdue.length > TOP_OVERDUE) w.lines(REPORT.overdueBlock, [t(REPORT.overdueMore).replace("{n}", String(s.overdue.length - TOP_OVERDUE))]);
  }
  w.lines(REPORT.conclusionsBlock, texts.conclusions);
  w.lines(REPORT.recommendations, texts.recommendations);
  sp.columnWidths.push({ col: 0, width: 30 }, ...[1, 2, 3, 4, 5].map((col) => ({ col, width: 14 })));
}
