/** Worksheet.autoFilter and Table.autoFilter (ExcelApi 1.9); hidden rows are computed by the state. */
import { parseAddress, Rect } from "./address";
import { FakeRequestContext, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import { normalizeCriteria } from "./filter";
import { FakeRange, writable } from "./range";
import { AutoFilterState, SheetState } from "./state";

export interface FilterHost {
  sheet: SheetState;
  get: () => AutoFilterState | null;
  put: (af: AutoFilterState | null) => void;
  /** A table filters its own range; a worksheet filters the range given to apply(). */
  fixedRange?: () => Rect;
}

export class FakeAutoFilter extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly host: () => FilterHost) {
    super(ctx, path);
  }
  protected _exists(): boolean { return true; }
  protected _props(): Record<string, PropSpec> {
    return {
      enabled: { api: "1.9", read: () => this.host().get() !== null },
      isDataFiltered: { api: "1.9", read: () => (this.host().get()?.criteria.size ?? 0) > 0 },
    };
  }
  get enabled(): boolean { return this._get("enabled"); }
  get isDataFiltered(): boolean { return this._get("isDataFiltered"); }

  apply(range?: FakeRange | string, columnIndex?: number, criteria?: unknown): void {
    const rangeArg = range instanceof FakeRange ? range._path : range;
    this._queue("apply", [rangeArg ?? null, columnIndex ?? null, criteria ?? null], "1.9", () => {
      const h = this.host();
      writable(h.sheet);
      let rect: Rect;
      if (h.fixedRange) rect = h.fixedRange();
      else if (range === undefined) rect = h.get()?.rect ?? fail("InvalidArgument", "apply needs a range the first time.");
      else if (typeof range === "string") rect = parseAddress(range).rect;
      else {
        const t = range._target();
        if (t.sheet !== h.sheet) fail("InvalidArgument", "The filter range must be on the same worksheet.");
        rect = t.rect;
      }
      const prev = h.get();
      const same = prev !== null && JSON.stringify(prev.rect) === JSON.stringify(rect);
      const af: AutoFilterState = { rect, criteria: same && prev ? new Map(prev.criteria) : new Map() };
      if (columnIndex !== undefined && criteria !== undefined) {
        if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= rect.cols) fail("InvalidArgument", `columnIndex ${columnIndex} is outside the filter range.`);
        const c = normalizeCriteria(criteria) ?? fail("NotImplemented", "The fake models filterOn Values and Custom only.");
        af.criteria.set(columnIndex, c);
      }
      h.put(af);
    });
  }
  clearCriteria(): void {
    this._queue("clearCriteria", [], "1.9", () => {
      const h = this.host();
      writable(h.sheet);
      const af = h.get();
      if (af) h.put({ rect: af.rect, criteria: new Map() });
    });
  }
  remove(): void {
    this._queue("remove", [], "1.9", () => {
      const h = this.host();
      writable(h.sheet);
      h.put(null);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, `${this._path}.getRange()`, () => {
      const h = this.host();
      const af = h.get() ?? fail("ItemNotFound", "No AutoFilter is applied.");
      return { sheet: h.sheet, rect: af.rect };
    });
  }
}
