/** Worksheet charts: enough to record what the shell asked for (type, source, title, position). */
import { fullAddress } from "./address";
import { ClientResult, CollectionProxy, queueResult } from "./collection";
import { FakeRequestContext, memo, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import { FakeRange, writable } from "./range";
import { ChartState, SheetState } from "./state";

/** The subset of Excel.ChartType the fake accepts; anything else is refused rather than guessed. */
export const CHART_TYPES = [
  "Pie", "Doughnut", "ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Line", "LineMarkers", "Area", "XYScatter",
];

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

function live(t: ChartTarget): ChartTarget {
  if (!t.sheet.charts.includes(t.chart)) fail("ItemNotFound", "The chart was deleted.");
  return t;
}

export class FakeChartCollection extends CollectionProxy<FakeChart> {
  constructor(ctx: FakeRequestContext, path: string, private readonly sheet: () => SheetState) {
    super(ctx, path);
  }
  protected _list(): FakeChart[] {
    const s = this.sheet();
    return s.charts.map((c) => new FakeChart(this.context, `${this._path}.getItem(${JSON.stringify(c.name)})`, () => ({ sheet: s, chart: c })));
  }
  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let created: ChartTarget | null = null;
    const chart = new FakeChart(this.context, `${this._path}.add`, () => created ?? fail("ItemNotFound", "The chart was never created."));
    this._queue("add", [type, sourceData, seriesBy], "1.1", () => {
      const s = writable(this.sheet());
      if (!CHART_TYPES.includes(type)) fail("InvalidArgument", `Chart type '${type}' is not supported by the fake.`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) fail("InvalidArgument", `seriesBy '${seriesBy}' is invalid.`);
      const src = sourceData._target();
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const state: ChartState = {
        id: this.context.state.nextId("chart"),
        name: `Chart ${n}`,
        type,
        source: fullAddress(src.sheet.name, src.rect),
        seriesBy,
        title: "",
      };
      s.charts.push(state);
      created = { sheet: s, chart: state };
    });
    return chart;
  }
  private _byName(name: string): ChartTarget | null {
    const s = this.sheet();
    const c = s.charts.find((x) => x.name === name);
    return c ? { sheet: s, chart: c } : null;
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () =>
      this._byName(name) ?? fail("ItemNotFound", `The chart '${name}' doesn't exist.`));
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this._byName(name), true);
  }
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.4", () => this.sheet().charts.length);
  }
}

export class FakeChart extends ProxyBase {
  private readonly t: () => ChartTarget;
  private readonly probe: () => ChartTarget | null;
  readonly title: FakeChartTitle;

  constructor(ctx: FakeRequestContext, path: string, t: () => ChartTarget | null, nullable = false) {
    super(ctx, path);
    this.probe = memo(t);
    this.t = () => live(this.probe() ?? fail("ItemNotFound", "The chart does not exist (null object)."));
    if (nullable) this._queueNullCheck();
    this.title = new FakeChartTitle(ctx, `${path}.title`, this.t);
  }
  protected _exists(): boolean {
    const c = this.probe();
    return c !== null && c.sheet.charts.includes(c.chart);
  }
  protected override _nav(): Record<string, ProxyBase> { return { title: this.title }; }
  protected _props(): Record<string, PropSpec> {
    return {
      name: { api: "1.1", read: () => this.t().chart.name },
      chartType: { api: "1.7", read: () => this.t().chart.type },
      id: { api: "1.7", read: () => this.t().chart.id },
    };
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this._queue("name=", [v], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      if (typeof v !== "string" || v.length === 0) fail("InvalidArgument", "A chart name must be a non-empty string.");
      t.chart.name = v;
    });
  }
  get chartType(): string { return this._get("chartType"); }
  get id(): string { return this._get("id"); }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const addr = (x: FakeRange | string) => (typeof x === "string" ? x : x._path);
    this._queue("setPosition", [addr(startCell), endCell === undefined ? null : addr(endCell)], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      const name = (x: FakeRange | string) => {
        if (typeof x === "string") return x;
        const r = x._target();
        return fullAddress(r.sheet.name, r.rect);
      };
      t.chart.position = { start: name(startCell), ...(endCell !== undefined ? { end: name(endCell) } : {}) };
    });
  }
  delete(): void {
    this._queue("delete", [], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}

export class FakeChartTitle extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => ChartTarget) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { text: { api: "1.1", read: () => this.t().chart.title } };
  }
  get text(): string { return this._get("text"); }
  set text(v: string) {
    this._queue("text=", [v], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      t.chart.title = String(v);
    });
  }
}
