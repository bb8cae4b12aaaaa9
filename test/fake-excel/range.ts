/** Range and its format: values, formulas, number formats, fills, fonts, widths. */
import { checkOnSheet, fullAddress, intersect, parseAddress, Rect } from "./address";
import { applyWritten, expandToShape, formulaOf, interpretInput, textOf } from "./cells";
import { FakeRequestContext, memo, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import { Cell, key, SheetState } from "./state";
import { FakeDataValidation } from "./validation";
import { FakeConditionalFormatCollection } from "./conditional-format";

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Every write to a sheet goes through here: deleted sheets are gone, protected sheets refuse. */
export function writable(sheet: SheetState): SheetState {
  if (sheet.deleted) fail("ItemNotFound", `The worksheet '${sheet.name}' was deleted.`);
  if (sheet.protected) fail("AccessDenied", `The worksheet '${sheet.name}' is protected.`);
  return sheet;
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF",
  yellow: "#FFFF00", orange: "#FFA500", gray: "#808080", grey: "#808080", lightgray: "#D3D3D3",
  lightgreen: "#90EE90", pink: "#FFC0CB", purple: "#800080",
};

/** Excel answers colours as "#RRGGBB"; it accepts that form or an HTML colour name. */
export function normalizeColor(c: unknown): string {
  if (typeof c !== "string") return fail("InvalidArgument", "A colour must be a string.");
  if (/^#[0-9a-fA-F]{6}$/.test(c)) return c.toUpperCase();
  const named = NAMED_COLORS[c.toLowerCase()];
  return named ?? fail("InvalidArgument", `'${c}' is not a colour Excel accepts.`);
}

const ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

export function eachCell(ctx: FakeRequestContext, t: RangeTarget, f: (c: Cell, i: number, j: number) => void): void {
  for (let i = 0; i < t.rect.rows; i++) {
    for (let j = 0; j < t.rect.cols; j++) f(ctx.state.cellFor(t.sheet, t.rect.row + i, t.rect.col + j), i, j);
  }
}

/** One value when every cell agrees, else null, as multi-cell format reads do in Excel. */
function uniform<T>(t: RangeTarget, f: (c: Cell | undefined) => T): T | null {
  let first: T | undefined;
  let set = false;
  for (let i = 0; i < t.rect.rows; i++) {
    for (let j = 0; j < t.rect.cols; j++) {
      const v = f(t.sheet.cells.get(key(t.rect.row + i, t.rect.col + j)));
      if (!set) { first = v; set = true; } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export class FakeRange extends ProxyBase {
  readonly _target: () => RangeTarget;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeRequestContext, path: string, target: () => RangeTarget | null, nullable = false) {
    super(ctx, path);
    const t = memo(target);
    this._probe = t;
    this._target = () => t() ?? fail("ItemNotFound", "The range does not exist (null object).");
    if (nullable) this._queueNullCheck();
    this.format = new FakeRangeFormat(ctx, `${path}.format`, this._target);
    this.dataValidation = new FakeDataValidation(ctx, `${path}.dataValidation`, this._target);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, `${path}.conditionalFormats`, this._target);
  }
  private readonly _probe: () => RangeTarget | null;

  protected _exists(): boolean {
    return this._probe() !== null;
  }

  protected override _nav(): Record<string, ProxyBase> {
    return { format: this.format, dataValidation: this.dataValidation, conditionalFormats: this.conditionalFormats };
  }

  protected _props(): Record<string, PropSpec> {
    const st = this.context.state;
    const grid = <T>(f: (c: Cell | undefined) => T) => () => {
      const t = this._target();
      return st.readGrid(t.sheet, t.rect, f);
    };
    return {
      values: { api: "1.1", read: grid((c) => c?.value ?? "") },
      formulas: { api: "1.1", read: grid((c) => formulaOf(c)) },
      numberFormat: { api: "1.1", read: grid((c) => c?.numberFormat ?? "General") },
      text: { api: "1.1", read: grid((c) => textOf(c)) },
      valueTypes: {
        api: "1.1",
        read: grid((c) => {
          const v = c?.value ?? "";
          return v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        }),
      },
      address: { api: "1.1", read: () => fullAddress(this._target().sheet.name, this._target().rect) },
      addressLocal: { api: "1.1", read: () => fullAddress(this._target().sheet.name, this._target().rect) },
      rowCount: { api: "1.1", read: () => this._target().rect.rows },
      columnCount: { api: "1.1", read: () => this._target().rect.cols },
      cellCount: { api: "1.1", read: () => this._target().rect.rows * this._target().rect.cols },
      rowIndex: { api: "1.1", read: () => this._target().rect.row },
      columnIndex: { api: "1.1", read: () => this._target().rect.col },
    };
  }

  get values(): unknown[][] { return this._get("values"); }
  set values(v: unknown[][]) { this._write("values", v); }
  get formulas(): unknown[][] { return this._get("formulas"); }
  set formulas(v: unknown[][]) { this._write("formulas", v); }
  get numberFormat(): string[][] { return this._get("numberFormat"); }
  set numberFormat(v: string[][]) {
    this._queue("numberFormat=", [v], "1.1", () => {
      const t = this._target();
      writable(t.sheet);
      const grid = expandToShape(v, t.rect.rows, t.rect.cols, "numberFormat");
      eachCell(this.context, t, (c, i, j) => {
        const f = grid[i][j];
        if (f === null) return;
        if (typeof f !== "string") fail("InvalidArgument", "A number format must be a string.");
        // Changing the format never converts a value already in the cell (Excel behaves the same).
        c.numberFormat = f;
      });
    });
  }
  get text(): string[][] { return this._get("text"); }
  get valueTypes(): string[][] { return this._get("valueTypes"); }
  get address(): string { return this._get("address"); }
  get addressLocal(): string { return this._get("addressLocal"); }
  get rowCount(): number { return this._get("rowCount"); }
  get columnCount(): number { return this._get("columnCount"); }
  get cellCount(): number { return this._get("cellCount"); }
  get rowIndex(): number { return this._get("rowIndex"); }
  get columnIndex(): number { return this._get("columnIndex"); }

  private _write(prop: "values" | "formulas", v: unknown): void {
    this._queue(`${prop}=`, [v], "1.1", () => {
      const t = this._target();
      writable(t.sheet);
      const grid = expandToShape(v, t.rect.rows, t.rect.cols, prop);
      // Validate the whole array first so a bad cell does not leave half a range written.
      const written = grid.map((row, i) =>
        row.map((x, j) => interpretInput(x, this.context.state.cellFor(t.sheet, t.rect.row + i, t.rect.col + j).numberFormat)),
      );
      eachCell(this.context, t, (c, i, j) => {
        const w = written[i][j];
        if (w !== undefined) applyWritten(c, w);
      });
    });
  }

  private _derived(name: string, api: string, f: (t: RangeTarget) => Rect): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.${name}`, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: checkOnSheet(f(t)) };
    });
    this._queue(name, [], api, () => void r._target());
    return r;
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived(`getCell(${row},${column})`, "1.1", (t) => ({ row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, "1.2", (t) => ({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, "1.1", (t) => ({ ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset }));
  }
  getRow(row: number): FakeRange {
    return this._derived(`getRow(${row})`, "1.1", (t) => ({ ...t.rect, row: t.rect.row + row, rows: 1 }));
  }
  getColumn(column: number): FakeRange {
    return this._derived(`getColumn(${column})`, "1.1", (t) => ({ ...t.rect, col: t.rect.col + column, cols: 1 }));
  }
  getIntersection(other: FakeRange | string): FakeRange {
    return this._derived("getIntersection", "1.1", (t) => {
      const o = typeof other === "string" ? parseAddress(other).rect : other._target().rect;
      return intersect(t.rect, o) ?? fail("InvalidArgument", "The ranges do not intersect.");
    });
  }

  /** ExcelApi 1.4: like getIntersection, but a null object (not an error) when the ranges do not meet. */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.getIntersectionOrNullObject`,
      () => {
        const t = this._target();
        const rect = intersect(t.rect, typeof other === "string" ? parseAddress(other).rect : other._target().rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this._queue("clear", [applyTo], "1.1", () => {
      const t = this._target();
      writable(t.sheet);
      eachCell(this.context, t, (c) => {
        if (applyTo === "All" || applyTo === "Contents") {
          c.value = "";
          delete c.formula;
          delete c.quotePrefix;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          c.numberFormat = "General";
          delete c.fill;
          c.font = {};
          delete c.wrapText;
          delete c.horizontalAlignment;
        }
      });
    });
  }

  /** Releases a tracked proxy; queued like trackedObjects.remove. */
  untrack(): this {
    this._queue("untrack", [], "1.1", () => undefined);
    return this;
  }

  select(): void {
    this._queue("select", [], "1.1", () => void this._target());
  }
}

export class FakeRangeFormat extends ProxyBase {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => RangeTarget) {
    super(ctx, path);
    this.fill = new FakeRangeFill(ctx, `${path}.fill`, t);
    this.font = new FakeRangeFont(ctx, `${path}.font`, t);
  }
  protected _exists(): boolean { return true; }
  protected override _nav(): Record<string, ProxyBase> { return { fill: this.fill, font: this.font }; }
  protected _props(): Record<string, PropSpec> {
    return {
      columnWidth: {
        api: "1.2",
        read: () => {
          const t = this.t();
          const w = new Set<number>();
          for (let j = 0; j < t.rect.cols; j++) w.add(t.sheet.columnWidths.get(t.rect.col + j) ?? 48);
          return w.size === 1 ? [...w][0] : null;
        },
      },
      wrapText: { api: "1.1", read: () => uniform(this.t(), (c) => c?.wrapText ?? false) },
      horizontalAlignment: { api: "1.1", read: () => uniform(this.t(), (c) => c?.horizontalAlignment ?? "General") },
    };
  }
  get columnWidth(): number { return this._get("columnWidth"); }
  set columnWidth(v: number) {
    this._queue("columnWidth=", [v], "1.2", () => {
      const t = this.t();
      writable(t.sheet);
      if (typeof v !== "number" || !(v >= 0)) fail("InvalidArgument", "columnWidth must be a non-negative number.");
      for (let j = 0; j < t.rect.cols; j++) t.sheet.columnWidths.set(t.rect.col + j, v);
    });
  }
  get wrapText(): boolean { return this._get("wrapText"); }
  set wrapText(v: boolean) {
    this._cellSet("wrapText=", v, "1.1", (c) => { c.wrapText = v; });
  }
  get horizontalAlignment(): string { return this._get("horizontalAlignment"); }
  set horizontalAlignment(v: string) {
    this._cellSet("horizontalAlignment=", v, "1.1", (c) => {
      if (!ALIGNMENTS.includes(v)) fail("InvalidArgument", `'${v}' is not a horizontal alignment.`);
      c.horizontalAlignment = v;
    });
  }
  /** Widths are estimated from text length (the fake has no fonts): about 7 points per character. */
  autofitColumns(): void {
    this._queue("autofitColumns", [], "1.2", () => {
      const t = this.t();
      writable(t.sheet);
      for (let j = 0; j < t.rect.cols; j++) {
        let longest = 0;
        for (let i = 0; i < t.rect.rows; i++) {
          const text = textOf(t.sheet.cells.get(key(t.rect.row + i, t.rect.col + j)));
          longest = Math.max(longest, [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
        }
        t.sheet.columnWidths.set(t.rect.col + j, Math.max(8.43, longest) * 7 + 5);
      }
    });
  }
  private _cellSet(name: string, v: unknown, api: string, f: (c: Cell) => void): void {
    this._queue(name, [v], api, () => {
      const t = this.t();
      writable(t.sheet);
      eachCell(this.context, t, f);
    });
  }
}

export class FakeRangeFill extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => RangeTarget) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    // Excel reports "#FFFFFF" for cells without a fill.
    return { color: { api: "1.1", read: () => uniform(this.t(), (c) => c?.fill ?? "#FFFFFF") } };
  }
  get color(): string { return this._get("color"); }
  set color(v: string) {
    this._queue("color=", [v], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      const c = normalizeColor(v);
      eachCell(this.context, t, (cell) => { cell.fill = c; });
    });
  }
  clear(): void {
    this._queue("clear", [], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      eachCell(this.context, t, (cell) => { delete cell.fill; });
    });
  }
}

export class FakeRangeFont extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => RangeTarget) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return {
      bold: { api: "1.1", read: () => uniform(this.t(), (c) => c?.font.bold ?? false) },
      color: { api: "1.1", read: () => uniform(this.t(), (c) => c?.font.color ?? "#000000") },
    };
  }
  get bold(): boolean { return this._get("bold"); }
  set bold(v: boolean) {
    this._queue("bold=", [v], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      eachCell(this.context, t, (c) => { c.font.bold = v; });
    });
  }
  get color(): string { return this._get("color"); }
  set color(v: string) {
    this._queue("color=", [v], "1.1", () => {
      const t = this.t();
      writable(t.sheet);
      const col = normalizeColor(v);
      eachCell(this.context, t, (c) => { c.font.color = col; });
    });
  }
}
