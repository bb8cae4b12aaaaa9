/** Tables (ListObjects): add over values, rows/columns, header names, autoFilter, resize. */
import { checkOnSheet, parseAddress, Rect } from "./address";
import { applyWritten, interpretInput, textOf } from "./cells";
import { FakeAutoFilter } from "./auto-filter";
import { ClientResult, CollectionProxy, queueResult } from "./collection";
import { FakeRequestContext, memo, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import { FakeRange, writable } from "./range";
import { key, SheetState, TableState } from "./state";
import { overlaps } from "./workbook-state";

function liveTable(t: TableState): TableState {
  if (t.deleted || t.sheet.deleted) fail("ItemNotFound", `The table '${t.name}' was deleted.`);
  return t;
}

function headerNames(ctxState: FakeRequestContext["state"], t: TableState): string[] {
  return ctxState.readGrid(t.sheet, { ...t.rect, rows: 1 }, (c) => textOf(c))[0];
}

function resolveAddress(ctx: FakeRequestContext, address: FakeRange | string, defaultSheet?: SheetState): { sheet: SheetState; rect: Rect } {
  if (address instanceof FakeRange) return address._target();
  const p = parseAddress(address);
  const sheet = p.sheet !== undefined ? ctx.state.requireSheet(p.sheet)
    : defaultSheet ?? ctx.state.liveSheets().find((s) => s.id === ctx.state.activeSheetId) ?? fail("InvalidArgument", "No worksheet for the address.");
  return { sheet, rect: checkOnSheet(p.rect) };
}

export class FakeTableCollection extends CollectionProxy<FakeTable> {
  /** `sheet` is undefined for workbook.tables. */
  constructor(ctx: FakeRequestContext, path: string, private readonly sheet?: () => SheetState) {
    super(ctx, path);
  }
  private _tables(): TableState[] {
    const s = this.sheet?.();
    return this.context.state.liveTables().filter((t) => s === undefined || t.sheet === s);
  }
  protected _list(): FakeTable[] {
    return this._tables().map((t) => new FakeTable(this.context, `tables.getItem(${JSON.stringify(t.name)})`, () => t));
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | null = null;
    const table = new FakeTable(this.context, `${this._path}.add`, () => created ?? fail("ItemNotFound", "The table was never created."));
    this._queue("add", [address instanceof FakeRange ? address._path : address, hasHeaders], "1.1", () => {
      const { sheet, rect } = resolveAddress(this.context, address, this.sheet?.());
      const own = this.sheet?.();
      if (own !== undefined && sheet !== own) fail("InvalidArgument", "The address is on another worksheet.");
      writable(sheet);
      created = this.context.state.createTable(sheet, rect, hasHeaders);
    });
    return table;
  }
  private _find(name: string): TableState | null {
    const t = this.context.state.findTable(name);
    const s = this.sheet?.();
    return t && (s === undefined || t.sheet === s) ? t : null;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () =>
      this._find(name) ?? fail("ItemNotFound", `The table '${name}' doesn't exist.`));
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this._find(name), true);
  }
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.4", () => this._tables().length);
  }
}

export class FakeTable extends ProxyBase {
  readonly _t: () => TableState;
  private readonly probe: () => TableState | null;
  readonly columns: FakeTableColumnCollection;
  readonly rows: FakeTableRowCollection;
  readonly autoFilter: FakeAutoFilter;

  constructor(ctx: FakeRequestContext, path: string, t: () => TableState | null, nullable = false) {
    super(ctx, path);
    this.probe = memo(t);
    this._t = () => liveTable(this.probe() ?? fail("ItemNotFound", "The table does not exist (null object)."));
    if (nullable) this._queueNullCheck();
    this.columns = new FakeTableColumnCollection(ctx, `${path}.columns`, this._t);
    this.rows = new FakeTableRowCollection(ctx, `${path}.rows`, this._t);
    this.autoFilter = new FakeAutoFilter(ctx, `${path}.autoFilter`, () => {
      const tab = this._t();
      return {
        sheet: tab.sheet,
        get: () => tab.autoFilter,
        put: (af) => { tab.autoFilter = af; },
        fixedRange: () => tab.rect,
      };
    });
  }
  protected _exists(): boolean {
    const t = this.probe();
    return t !== null && !t.deleted && !t.sheet.deleted;
  }
  protected override _nav(): Record<string, ProxyBase> {
    return { columns: this.columns, rows: this.rows, autoFilter: this.autoFilter };
  }
  protected _props(): Record<string, PropSpec> {
    return {
      name: { api: "1.1", read: () => this._t().name },
      id: { api: "1.1", read: () => this._t().id },
      style: { api: "1.1", read: () => this._t().style },
      showTotals: { api: "1.1", read: () => this._t().showTotals },
      showHeaders: { api: "1.1", read: () => true },
    };
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this._queue("name=", [v], "1.1", () => {
      const t = this._t();
      writable(t.sheet);
      this.context.state.renameTable(t, v);
    });
  }
  get id(): string { return this._get("id"); }
  get style(): string { return this._get("style"); }
  set style(v: string) {
    this._queue("style=", [v], "1.1", () => {
      const t = this._t();
      writable(t.sheet);
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) fail("InvalidArgument", `'${v}' is not a built-in table style.`);
      t.style = v;
    });
  }
  get showTotals(): boolean { return this._get("showTotals"); }
  set showTotals(v: boolean) {
    this._queue("showTotals=", [v], "1.1", () => {
      const t = this._t();
      writable(t.sheet);
      if (v !== t.showTotals) {
        // The totals row is one more row at the bottom of the table.
        t.rect = { ...t.rect, rows: t.rect.rows + (v ? 1 : -1) };
        t.showTotals = v;
      }
    });
  }
  get showHeaders(): boolean { return this._get("showHeaders"); }

  get worksheet(): { name: ClientResult<string> } {
    return { name: queueResult(this, "worksheet", "1.2", () => this._t().sheet.name) };
  }

  private _rangeOf(name: string, f: (t: TableState) => Rect): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.${name}()`, () => {
      const t = this._t();
      return { sheet: t.sheet, rect: f(t) };
    });
    this._queue(name, [], "1.1", () => void r._target());
    return r;
  }
  getRange(): FakeRange {
    return this._rangeOf("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): FakeRange {
    return this._rangeOf("getHeaderRowRange", (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this._rangeOf("getDataBodyRange", (t) => ({ ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 - (t.showTotals ? 1 : 0) }));
  }
  getTotalRowRange(): FakeRange {
    return this._rangeOf("getTotalRowRange", (t) => (t.showTotals ? { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 } : fail("InvalidOperation", "The table has no totals row.")));
  }
  resize(newRange: FakeRange | string): void {
    this._queue("resize", [newRange instanceof FakeRange ? newRange._path : newRange], "1.13", () => {
      const t = this._t();
      writable(t.sheet);
      const { sheet, rect } = resolveAddress(this.context, newRange, t.sheet);
      if (sheet !== t.sheet || rect.row !== t.rect.row) fail("InvalidArgument", "A table keeps its header row and sheet when resized.");
      for (const o of this.context.state.liveTables()) if (o !== t && o.sheet === sheet && overlaps(o.rect, rect)) fail("MergedRangeConflict");
      t.rect = rect;
      this.context.state.normalizeHeaders(t, false);
    });
  }
  delete(): void {
    this._queue("delete", [], "1.1", () => {
      const t = this._t();
      writable(t.sheet);
      t.deleted = true;
    });
  }
  convertToRange(): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.convertToRange()`, () => {
      const t = this.probe() ?? fail("ItemNotFound");
      return { sheet: t.sheet, rect: t.rect };
    });
    this._queue("convertToRange", [], "1.2", () => {
      const t = this._t();
      writable(t.sheet);
      void r._target();
      t.deleted = true;
    });
    return r;
  }
}

interface ColumnTarget {
  table: TableState;
  index: number;
}

export class FakeTableColumnCollection extends CollectionProxy<FakeTableColumn> {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => TableState) { super(ctx, path); }
  protected _list(): FakeTableColumn[] {
    const t = this.t();
    return headerNames(this.context.state, t).map((_, i) => new FakeTableColumn(this.context, `${this._path}.getItemAt(${i})`, () => ({ table: t, index: i })));
  }
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.4", () => this.t().rect.cols);
  }
  private _byName(name: string): ColumnTarget | null {
    const t = this.t();
    const i = headerNames(this.context.state, t).findIndex((n) => n.toLowerCase() === name.toLowerCase());
    return i >= 0 ? { table: t, index: i } : null;
  }
  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () =>
      this._byName(String(key)) ?? fail("ItemNotFound", `The column '${key}' doesn't exist.`));
  }
  getItemOrNullObject(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._byName(String(key)), true);
  }
  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this.t();
      if (!Number.isInteger(index) || index < 0 || index >= t.rect.cols) fail("ItemNotFound", `No column at index ${index}.`);
      return { table: t, index };
    });
  }
  /** `values` includes the header row (as in the docs' samples); `name` (ExcelApi 1.4) overrides it. */
  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    let created: ColumnTarget | null = null;
    const col = new FakeTableColumn(this.context, `${this._path}.add`, () => created ?? fail("ItemNotFound"));
    this._queue("add", [index ?? null, values ?? null, name ?? null], name !== undefined ? "1.4" : "1.1", () => {
      const t = this.t();
      const s = writable(t.sheet);
      const at = index === null || index === undefined ? t.rect.cols : index;
      if (!Number.isInteger(at) || at < 0 || at > t.rect.cols) fail("InvalidArgument", `Column index ${at} is outside the table.`);
      let grid: unknown[][] | null = null;
      if (values !== undefined && values !== null) {
        if (!Array.isArray(values) || values.length !== t.rect.rows || !values.every((r: unknown) => Array.isArray(r) && r.length === 1)) {
          fail("InvalidArgument", `Column values must be ${t.rect.rows}x1 (header included).`);
        }
        grid = values as unknown[][];
      }
      const absCol = t.rect.col + at;
      this.context.state.shiftRight(s, t.rect.row, t.rect.rows, absCol, 1);
      t.rect = { ...t.rect, cols: t.rect.cols + 1 };
      for (let i = 0; i < t.rect.rows; i++) {
        const cell = this.context.state.cellFor(s, t.rect.row + i, absCol);
        const w = grid ? interpretInput(grid[i][0], cell.numberFormat) : undefined;
        if (w) applyWritten(cell, w);
      }
      if (name !== undefined) this.context.state.cellFor(s, t.rect.row, absCol).value = name;
      this.context.state.normalizeHeaders(t, false);
      created = { table: t, index: at };
    });
    return col;
  }
}

export class FakeTableColumn extends ProxyBase {
  private readonly probe: () => ColumnTarget | null;
  private readonly c: () => ColumnTarget;
  constructor(ctx: FakeRequestContext, path: string, c: () => ColumnTarget | null, nullable = false) {
    super(ctx, path);
    this.probe = memo(c);
    this.c = () => {
      const x = this.probe() ?? fail("ItemNotFound", "The column does not exist (null object).");
      liveTable(x.table);
      return x;
    };
    if (nullable) this._queueNullCheck();
  }
  protected _exists(): boolean { return this.probe() !== null; }
  protected _props(): Record<string, PropSpec> {
    return {
      name: { api: "1.1", read: () => headerNames(this.context.state, this.c().table)[this.c().index] },
      index: { api: "1.1", read: () => this.c().index },
      values: {
        api: "1.1",
        read: () => {
          const { table, index } = this.c();
          return this.context.state.readGrid(table.sheet, { row: table.rect.row, col: table.rect.col + index, rows: table.rect.rows, cols: 1 }, (x) => x?.value ?? "");
        },
      },
    };
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this._queue("name=", [v], "1.4", () => {
      const { table, index } = this.c();
      writable(table.sheet);
      const names = headerNames(this.context.state, table);
      if (names.some((n, i) => i !== index && n.toLowerCase() === v.toLowerCase())) fail("ItemAlreadyExists", `A column named '${v}' already exists.`);
      this.context.state.cellFor(table.sheet, table.rect.row, table.rect.col + index).value = v;
    });
  }
  get index(): number { return this._get("index"); }
  get values(): unknown[][] { return this._get("values"); }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getDataBodyRange()`, () => {
      const { table, index } = this.c();
      return { sheet: table.sheet, rect: { row: table.rect.row + 1, col: table.rect.col + index, rows: table.rect.rows - 1 - (table.showTotals ? 1 : 0), cols: 1 } };
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getRange()`, () => {
      const { table, index } = this.c();
      return { sheet: table.sheet, rect: { row: table.rect.row, col: table.rect.col + index, rows: table.rect.rows, cols: 1 } };
    });
  }
}

export class FakeTableRowCollection extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => TableState) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { count: { api: "1.1", read: () => this.t().rect.rows - 1 - (this.t().showTotals ? 1 : 0) } };
  }
  get count(): number { return this._get("count"); }
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.4", () => this.t().rect.rows - 1 - (this.t().showTotals ? 1 : 0));
  }
  /** Appends at the end when index is null/undefined; rows below the table move down, as in Excel. */
  add(index?: number | null, values?: unknown[][]): void {
    const many = Array.isArray(values) && values.length > 1;
    this._queue("add", [index ?? null, values ?? null], many ? "1.4" : "1.1", () => {
      const t = this.t();
      const s = writable(t.sheet);
      const body = t.rect.rows - 1 - (t.showTotals ? 1 : 0);
      const at = index === null || index === undefined ? body : index;
      if (!Number.isInteger(at) || at < 0 || at > body) fail("InvalidArgument", `Row index ${at} is outside the table.`);
      const grid = values ?? [Array.from({ length: t.rect.cols }, () => "")];
      if (!Array.isArray(grid) || grid.length === 0 || !grid.every((r) => Array.isArray(r) && r.length === t.rect.cols)) {
        fail("InvalidArgument", `Each added row must have ${t.rect.cols} values.`);
      }
      // Refuse bad input before anything moves, so a failed add leaves the table as it was.
      grid.forEach((row) => row.forEach((v) => interpretInput(v, "General")));
      const absRow = t.rect.row + 1 + at;
      this.context.state.shiftDown(s, absRow, t.rect.col, t.rect.cols, grid.length);
      t.rect = { ...t.rect, rows: t.rect.rows + grid.length };
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = this.context.state.cellFor(s, absRow + i, t.rect.col + j);
          // New rows take the number format of the data row above, as table rows do in Excel.
          const above = at > 0 ? s.cells.get(key(absRow - 1, t.rect.col + j)) : undefined;
          if (above) cell.numberFormat = above.numberFormat;
          const w = interpretInput(v, cell.numberFormat);
          if (w) applyWritten(cell, w);
        }),
      );
    });
  }
}
