/** A native chart to add to a sheet of an ExcelJS-written .xlsx. */
export interface XlsxChartSpec {
  sheetName: string;
  /** stable name, shown as the drawing object's name (unique per sheet) */
  name: string;
  type: "pie" | "column" | "bar" | "line";
  title: string;
  /** absolute ref like "'分析汇总'!$A$3:$A$6" */
  categories: string;
  series: XlsxChartSeries[];
  /** 0-based cells: the chart spans from the top-left corner of `from` to the top-left corner of `to` */
  anchor: { from: CellPosition; to: CellPosition };
  /** cached values; when absent they are read from the cells the refs point at */
  cache?: { categories: (string | number)[]; series: number[][] };
}

export interface XlsxChartSeries {
  /** a literal name, or a ref to the cell holding it */
  name: string | { ref: string };
  /** absolute ref */
  values: string;
}

export interface CellPosition {
  row: number;
  col: number;
}

/** What chart-xml needs: the spec with every cache resolved. */
export interface ResolvedSeries {
  name: { literal: string } | { ref: string; cached: string };
  values: string;
  cache: (number | null)[];
}

export interface ResolvedChart {
  type: XlsxChartSpec["type"];
  title: string;
  categories: string;
  categoryCache: string[];
  series: ResolvedSeries[];
}
