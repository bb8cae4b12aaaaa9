/** Worksheets: lookup, add, activate, protection, freeze panes, ranges, used range. */
import { checkOnSheet, parseAddress, Rect } from "./address";
import { FakeAutoFilter } from "./auto-filter";
import { FakeChartCollection } from "./chart";
import { ClientResult, CollectionProxy, queueResult } from "./collection";
import { FakeRequestContext, memo, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import { FakeRange, writable } from "./range";
import { SheetState } from "./state";
import { FakeTableCollection } from "./table";

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];

export class FakeWorksheetCollection extends CollectionProxy<FakeWorksheet> {
  protected _list(): FakeWorksheet[] {
    return this.context.state.liveSheets().map((s) => new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(s.name)})`, () => s));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(name)})`, () => this.context.state.requireSheet(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(name)})`, () => this.context.state.findSheet(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const st = this.context.state;
      return st.liveSheets().find((s) => s.id === st.activeSheetId) ?? fail("ItemNotFound", "No active worksheet.");
    });
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getFirst()", () => this.context.state.liveSheets()[0] ?? fail("ItemNotFound"));
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    const ws = new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? null)})`, () => created ?? fail("ItemNotFound", "The worksheet was never created."));
    this._queue("add", [name ?? null], "1.1", () => {
      const st = this.context.state;
      let n = name;
      if (n === undefined) {
        let i = st.liveSheets().length + 1;
        while (st.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = st.createSheet(n);
    });
    return ws;
  }
  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.4", () => this.context.state.liveSheets().length);
  }
}

export class FakeWorksheet extends ProxyBase {
  readonly _sheet: () => SheetState;
  private readonly probe: () => SheetState | null;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly charts: FakeChartCollection;
  readonly tables: FakeTableCollection;
  readonly autoFilter: FakeAutoFilter;

  constructor(ctx: FakeRequestContext, path: string, s: () => SheetState | null, nullable = false) {
    super(ctx, path);
    this.probe = memo(s);
    this._sheet = () => {
      const sheet = this.probe() ?? fail("ItemNotFound", "The worksheet does not exist (null object).");
      if (sheet.deleted) fail("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
      return sheet;
    };
    if (nullable) this._queueNullCheck();
    this.protection = new FakeWorksheetProtection(ctx, `${path}.protection`, this._sheet);
    this.freezePanes = new FakeFreezePanes(ctx, `${path}.freezePanes`, this._sheet);
    this.charts = new FakeChartCollection(ctx, `${path}.charts`, this._sheet);
    this.tables = new FakeTableCollection(ctx, `${path}.tables`, this._sheet);
    this.autoFilter = new FakeAutoFilter(ctx, `${path}.autoFilter`, () => {
      const sheet = this._sheet();
      return { sheet, get: () => sheet.autoFilter, put: (af) => { sheet.autoFilter = af; } };
    });
  }
  protected _exists(): boolean {
    const s = this.probe();
    return s !== null && !s.deleted;
  }
  protected override _nav(): Record<string, ProxyBase> {
    return { protection: this.protection, freezePanes: this.freezePanes, charts: this.charts, tables: this.tables, autoFilter: this.autoFilter };
  }
  protected _props(): Record<string, PropSpec> {
    const st = this.context.state;
    return {
      name: { api: "1.1", read: () => this._sheet().name },
      id: { api: "1.1", read: () => this._sheet().id },
      position: { api: "1.1", read: () => st.liveSheets().indexOf(this._sheet()) },
      visibility: { api: "1.1", read: () => this._sheet().visibility },
      tabColor: { api: "1.7", read: () => this._sheet().tabColor },
    };
  }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this._queue("name=", [v], "1.1", () => {
      const s = writable(this._sheet());
      const st = this.context.state;
      st.validateSheetName(v);
      const other = st.findSheet(v);
      if (other && other !== s) fail("ItemAlreadyExists", `A worksheet named '${v}' already exists.`);
      s.name = v;
    });
  }
  get id(): string { return this._get("id"); }
  get position(): number { return this._get("position"); }
  set position(v: number) {
    this._queue("position=", [v], "1.1", () => {
      const s = this._sheet();
      const st = this.context.state;
      if (!Number.isInteger(v) || v < 0 || v >= st.liveSheets().length) fail("InvalidArgument", `Position ${v} is out of range.`);
      st.sheets.splice(st.sheets.indexOf(s), 1);
      const target = st.liveSheets()[v];
      st.sheets.splice(target ? st.sheets.indexOf(target) : st.sheets.length, 0, s);
    });
  }
  get visibility(): string { return this._get("visibility"); }
  set visibility(v: string) {
    this._queue("visibility=", [v], "1.1", () => {
      const s = this._sheet();
      if (!VISIBILITY.includes(v)) fail("InvalidArgument", `'${v}' is not a sheet visibility.`);
      if (v !== "Visible" && this.context.state.liveSheets().filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
        fail("InvalidOperation", "A workbook must keep at least one visible worksheet.");
      }
      s.visibility = v as SheetState["visibility"];
    });
  }
  get tabColor(): string { return this._get("tabColor"); }
  set tabColor(v: string) {
    this._queue("tabColor=", [v], "1.7", () => {
      const s = this._sheet();
      if (v !== "" && !/^#[0-9a-fA-F]{6}$/.test(v)) fail("InvalidArgument", `'${v}' is not a #RRGGBB colour.`);
      s.tabColor = v.toUpperCase();
    });
  }

  activate(): void {
    this._queue("activate", [], "1.1", () => {
      const s = this._sheet();
      if (s.visibility !== "Visible") fail("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.context.state.activeSheetId = s.id;
    });
  }
  delete(): void {
    this._queue("delete", [], "1.1", () => {
      const s = this._sheet();
      const st = this.context.state;
      if (st.liveSheets().length === 1) fail("InvalidOperation", "A workbook must keep at least one worksheet.");
      s.deleted = true;
      if (st.activeSheetId === s.id) st.activeSheetId = st.liveSheets()[0].id;
    });
  }

  private _range(desc: string, api: string, f: (s: SheetState) => Rect | null, nullable = false): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.${desc}`, () => {
      const s = this._sheet();
      const rect = f(s);
      return rect ? { sheet: s, rect: checkOnSheet(rect) } : null;
    }, nullable);
    if (!nullable) this._queue(desc, [], api, () => void r._target());
    return r;
  }
  getRange(address?: string): FakeRange {
    return this._range(`getRange(${JSON.stringify(address ?? "")})`, "1.1", (s) => {
      if (address === undefined || address === "") return { row: 0, col: 0, rows: 1048576, cols: 16384 };
      const p = parseAddress(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()) fail("InvalidArgument", `The address '${address}' is on another worksheet.`);
      return p.rect;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, "1.7", () => ({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }
  getCell(row: number, column: number): FakeRange {
    return this._range(`getCell(${row},${column})`, "1.1", () => ({ row, col: column, rows: 1, cols: 1 }));
  }
  /** On an empty sheet Excel answers A1 here; only the …OrNullObject form reports "nothing used". */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._range(`getUsedRange(${valuesOnly === true})`, valuesOnly === undefined ? "1.1" : "1.2", (s) =>
      this.context.state.usedRect(s, valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = this._range(`getUsedRangeOrNullObject(${valuesOnly === true})`, "1.4", (s) => this.context.state.usedRect(s, valuesOnly === true), true);
    return r;
  }
}

export class FakeWorksheetProtection extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly s: () => SheetState) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { protected: { api: "1.2", read: () => this.s().protected } };
  }
  get protected(): boolean { return this._get("protected"); }
  protect(): void {
    this._queue("protect", [], "1.2", () => {
      const s = this.s();
      if (s.protected) fail("InvalidOperation", "The worksheet is already protected.");
      s.protected = true;
    });
  }
  unprotect(): void {
    this._queue("unprotect", [], "1.7", () => { this.s().protected = false; });
  }
}

export class FakeFreezePanes extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly s: () => SheetState) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> { return {}; }
  freezeRows(count = 1): void {
    this._queue("freezeRows", [count], "1.7", () => {
      const s = writable(this.s());
      if (!Number.isInteger(count) || count < 0) fail("InvalidArgument", "freezeRows needs a non-negative row count.");
      s.frozenRows = count;
    });
  }
  unfreeze(): void {
    this._queue("unfreeze", [], "1.7", () => { writable(this.s()).frozenRows = 0; });
  }
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getLocationOrNullObject()`, () => {
      const s = this.s();
      return s.frozenRows > 0 ? { sheet: s, rect: { row: 0, col: 0, rows: s.frozenRows, cols: 16384 } } : null;
    }, true);
  }
}
