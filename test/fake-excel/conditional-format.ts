/** Range.conditionalFormats (ExcelApi 1.6): CellValue, Custom, ContainsText, ColorScale. */
import { fullAddress, intersect } from "./address";
import { ClientResult, CollectionProxy, queueResult } from "./collection";
import { FakeRequestContext, memo, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import type { RangeTarget } from "./range";
import { CfFormatState, ConditionalFormatState, SheetState } from "./state";

const CELL_VALUE_OPERATORS = [
  "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual",
];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
const SUPPORTED = ["CellValue", "Custom", "ContainsText", "ColorScale"];

interface CfTarget {
  sheet: SheetState;
  cf: ConditionalFormatState;
}

function writableCf(t: CfTarget): ConditionalFormatState {
  if (t.sheet.protected) fail("AccessDenied", `The worksheet '${t.sheet.name}' is protected.`);
  if (!t.sheet.conditionalFormats.includes(t.cf)) fail("ItemNotFound", "The conditional format was deleted.");
  return t.cf;
}

export class FakeConditionalFormatCollection extends CollectionProxy<FakeConditionalFormat> {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => RangeTarget) {
    super(ctx, path);
  }

  private _intersecting(): CfTarget[] {
    const t = this.t();
    return t.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, t.rect)).map((cf) => ({ sheet: t.sheet, cf }));
  }

  protected _list(): FakeConditionalFormat[] {
    return this._intersecting().map((x, i) => new FakeConditionalFormat(this.context, `${this._path}.items[${i}]`, () => x));
  }

  add(type: string): FakeConditionalFormat {
    let created: CfTarget | null = null;
    const cf = new FakeConditionalFormat(this.context, `${this._path}.add(${type})`, () =>
      created ?? fail("ItemNotFound", "The conditional format was never created."),
    );
    this._queue("add", [type], "1.6", () => {
      const t = this.t();
      if (t.sheet.protected) fail("AccessDenied", `The worksheet '${t.sheet.name}' is protected.`);
      if (!SUPPORTED.includes(type)) fail("NotImplemented", `The fake does not model conditional format type '${type}'.`);
      const state: ConditionalFormatState = {
        id: this.context.state.nextId("cf"),
        type,
        rect: { ...t.rect },
        stopIfTrue: false,
      };
      if (type === "CellValue") state.cellValue = { format: {} };
      if (type === "Custom") state.custom = { format: {} };
      if (type === "ContainsText") state.textComparison = { format: {} };
      if (type === "ColorScale") state.colorScale = {};
      // A new rule takes priority 0, pushing the others down, as in Excel's rules manager.
      t.sheet.conditionalFormats.unshift(state);
      created = { sheet: t.sheet, cf: state };
    });
    return cf;
  }

  getCount(): ClientResult<number> {
    return queueResult(this, "getCount", "1.6", () => this._intersecting().length);
  }

  clearAll(): void {
    this._queue("clearAll", [], "1.6", () => {
      const t = this.t();
      if (t.sheet.protected) fail("AccessDenied", `The worksheet '${t.sheet.name}' is protected.`);
      // Simplification: rules that only partly overlap the range are removed whole.
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, t.rect));
    });
  }
}

export class FakeConditionalFormat extends ProxyBase {
  private readonly t: () => CfTarget;
  readonly cellValue: FakeCfPart;
  readonly custom: FakeCfPart;
  readonly textComparison: FakeCfPart;
  readonly colorScale: FakeColorScale;

  constructor(ctx: FakeRequestContext, path: string, t: () => CfTarget) {
    super(ctx, path);
    this.t = memo(t);
    this.cellValue = new FakeCfPart(ctx, `${path}.cellValue`, this.t, "cellValue");
    this.custom = new FakeCfPart(ctx, `${path}.custom`, this.t, "custom");
    this.textComparison = new FakeCfPart(ctx, `${path}.textComparison`, this.t, "textComparison");
    this.colorScale = new FakeColorScale(ctx, `${path}.colorScale`, this.t);
  }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return {
      type: { api: "1.6", read: () => this.t().cf.type },
      id: { api: "1.6", read: () => this.t().cf.id },
      priority: { api: "1.6", read: () => this.t().sheet.conditionalFormats.indexOf(this.t().cf) },
      stopIfTrue: { api: "1.6", read: () => this.t().cf.stopIfTrue },
    };
  }
  get type(): string { return this._get("type"); }
  get id(): string { return this._get("id"); }
  get priority(): number { return this._get("priority"); }
  set priority(v: number) {
    this._queue("priority=", [v], "1.6", () => {
      const cf = writableCf(this.t());
      const list = this.t().sheet.conditionalFormats;
      if (!Number.isInteger(v) || v < 0) fail("InvalidArgument", "priority must be a non-negative integer.");
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(v, list.length), 0, cf);
    });
  }
  get stopIfTrue(): boolean { return this._get("stopIfTrue"); }
  set stopIfTrue(v: boolean) {
    this._queue("stopIfTrue=", [v], "1.6", () => { writableCf(this.t()).stopIfTrue = v; });
  }
  getRange(): { address: ClientResult<string> } {
    return { address: queueResult(this, "getRange", "1.6", () => fullAddress(this.t().sheet.name, this.t().cf.rect)) };
  }
  delete(): void {
    this._queue("delete", [], "1.6", () => {
      const cf = writableCf(this.t());
      const list = this.t().sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
    });
  }
}

type PartName = "cellValue" | "custom" | "textComparison";

function part(t: CfTarget, name: PartName): { format: CfFormatState } & Record<string, unknown> {
  const p = t.cf[name];
  // Excel fails when a rule of one type is used through another type's accessor.
  return (p as ({ format: CfFormatState } & Record<string, unknown>) | undefined) ??
    fail("InvalidArgument", `This conditional format is '${t.cf.type}', not ${name}.`);
}

export class FakeCfPart extends ProxyBase {
  readonly format: FakeCfFormat;
  private readonly _rule: FakeCfRule;
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => CfTarget, private readonly which: PartName) {
    super(ctx, path);
    this.format = new FakeCfFormat(ctx, `${path}.format`, () => part(t(), which).format, t);
    this._rule = new FakeCfRule(ctx, `${path}.rule`, t, which);
  }
  get rule(): FakeCfRule {
    return this._rule;
  }
  set rule(v: unknown) {
    this.setRule(v);
  }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> { return {}; }
  protected override _nav(): Record<string, ProxyBase> { return { format: this.format, rule: this._rule }; }
  /** cellValue.rule and textComparison.rule are set as whole objects, as the docs require. */
  setRule(v: unknown): void {
    this._queue("rule=", [v], "1.6", () => {
      writableCf(this.t());
      const p = part(this.t(), this.which);
      p.rule = checkPartRule(this.which, v);
    });
  }
}

function checkPartRule(which: PartName, v: unknown): unknown {
  if (typeof v !== "object" || v === null) return fail("InvalidArgument", "A rule must be an object.");
  const o = v as Record<string, unknown>;
  if (which === "cellValue") {
    if (typeof o.operator !== "string" || !CELL_VALUE_OPERATORS.includes(o.operator)) fail("InvalidArgument", `Invalid operator '${String(o.operator)}'.`);
    if (typeof o.formula1 !== "string" && typeof o.formula1 !== "number") fail("InvalidArgument", "formula1 is required.");
    if ((o.operator === "Between" || o.operator === "NotBetween") && o.formula2 === undefined) fail("InvalidArgument", "formula2 is required.");
    return { formula1: String(o.formula1), operator: o.operator, ...(o.formula2 !== undefined ? { formula2: String(o.formula2) } : {}) };
  }
  if (which === "textComparison") {
    if (typeof o.operator !== "string" || !TEXT_OPERATORS.includes(o.operator)) fail("InvalidArgument", `Invalid text operator '${String(o.operator)}'.`);
    if (typeof o.text !== "string") fail("InvalidArgument", "text is required.");
    return { operator: o.operator, text: o.text };
  }
  if (typeof o.formula !== "string") fail("InvalidArgument", "formula is required.");
  return o.formula;
}

/** `cf.custom.rule.formula = …` sets one property; `cf.cellValue.rule = {…}` goes through the part. */
export class FakeCfRule extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => CfTarget, private readonly which: PartName) {
    super(ctx, path);
  }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { formula: { api: "1.6", read: () => part(this.t(), this.which).formula ?? null } };
  }
  get formula(): string { return this._get("formula"); }
  set formula(v: string) {
    this._queue("formula=", [v], "1.6", () => {
      writableCf(this.t());
      if (this.which !== "custom") fail("InvalidArgument", "rule.formula belongs to Custom conditional formats.");
      part(this.t(), "custom").formula = checkPartRule("custom", { formula: v });
    });
  }
}

export class FakeCfFormat extends ProxyBase {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean };
  constructor(ctx: FakeRequestContext, path: string, fmt: () => CfFormatState, t: () => CfTarget) {
    super(ctx, path);
    const set = (name: string, f: (s: CfFormatState) => void) =>
      this._queue(name, [], "1.6", () => { writableCf(t()); f(fmt()); });
    const unread = (n: string): never => fail("PropertyNotLoaded", `The fake does not read back '${n}' of a conditional format; inspect workbook.sheet(...).conditionalFormats().`);
    this.fill = {
      get color(): string { return unread("fill.color"); },
      set color(v: string) { set("fill.color=", (s) => { s.fill = normalizeCfColor(v); }); },
    };
    this.font = {
      get color(): string { return unread("font.color"); },
      set color(v: string) { set("font.color=", (s) => { s.fontColor = normalizeCfColor(v); }); },
      get bold(): boolean { return unread("font.bold"); },
      set bold(v: boolean) { set("font.bold=", (s) => { s.fontBold = v; }); },
    };
  }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> { return {}; }
}

function normalizeCfColor(c: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(c)) return c.toUpperCase();
  return fail("InvalidArgument", `'${c}' is not a #RRGGBB colour.`);
}

export class FakeColorScale extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => CfTarget) { super(ctx, path); }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return { criteria: { api: "1.6", read: () => this.t().cf.colorScale?.criteria ?? null } };
  }
  get criteria(): unknown { return this._get("criteria"); }
  set criteria(v: unknown) {
    this._queue("criteria=", [v], "1.6", () => {
      const cf = writableCf(this.t());
      if (!cf.colorScale) fail("InvalidArgument", `This conditional format is '${cf.type}', not colorScale.`);
      const o = (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
      if (o.minimum === undefined || o.maximum === undefined) fail("InvalidArgument", "A colour scale needs minimum and maximum.");
      for (const k of ["minimum", "midpoint", "maximum"]) {
        const c = o[k] as Record<string, unknown> | undefined;
        if (c !== undefined && (typeof c.type !== "string" || typeof c.color !== "string")) {
          fail("InvalidArgument", `colorScale.criteria.${k} needs type and color.`);
        }
      }
      cf.colorScale = { criteria: JSON.parse(JSON.stringify(v)) as unknown };
    });
  }
}
