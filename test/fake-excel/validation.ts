/** Range.dataValidation (ExcelApi 1.8). */
import { FakeRequestContext, ProxyBase, PropSpec } from "./context";
import { fail } from "./errors";
import type { RangeTarget } from "./range";
import { key, ValidationRuleState, ValidationState } from "./state";

const KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;
const OPERATORS = [
  "Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo",
];
const TYPE_NAMES: Record<string, string> = {
  wholeNumber: "WholeNumber", decimal: "Decimal", textLength: "TextLength", date: "Date", time: "Time", list: "List", custom: "Custom",
};

/** Excel's limit on a typed (comma) list source; longer lists must reference a range. */
export const LIST_SOURCE_LIMIT = 255;

function blank(): ValidationState {
  return {
    rule: null,
    errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    prompt: { showPrompt: false, title: "", message: "" },
    ignoreBlanks: true,
  };
}

function checkRule(rule: unknown): ValidationRuleState {
  if (typeof rule !== "object" || rule === null) return fail("InvalidArgument", "A data validation rule must be an object.");
  const o = rule as Record<string, unknown>;
  const kinds = KINDS.filter((k) => o[k] !== undefined && o[k] !== null);
  if (kinds.length !== 1) fail("InvalidArgument", `A data validation rule needs exactly one kind; got ${kinds.length}.`);
  const kind = kinds[0];
  const body = o[kind] as Record<string, unknown>;
  if (kind === "list") {
    if (typeof body.source !== "string" || body.source.length === 0) fail("InvalidArgument", "list.source must be a non-empty string.");
    if (!body.source.startsWith("=") && body.source.length > LIST_SOURCE_LIMIT) {
      fail("InvalidArgument", `A typed list source is limited to ${LIST_SOURCE_LIMIT} characters; reference a range instead.`);
    }
    return { list: { inCellDropDown: body.inCellDropDown !== false, source: body.source } };
  }
  if (kind === "custom") {
    if (typeof body.formula !== "string" || body.formula.length === 0) fail("InvalidArgument", "custom.formula must be a string.");
    return { custom: { formula: body.formula } };
  }
  const op = body.operator;
  if (typeof op !== "string" || !OPERATORS.includes(op)) fail("InvalidArgument", `Invalid data validation operator '${String(op)}'.`);
  const f1 = body.formula1;
  const f2 = body.formula2;
  const isFormula = (f: unknown) => typeof f === "string" || typeof f === "number";
  if (!isFormula(f1)) fail("InvalidArgument", "formula1 is required.");
  if ((op === "Between" || op === "NotBetween") && !isFormula(f2)) fail("InvalidArgument", `${op} needs formula2.`);
  const criteria = { formula1: f1 as string | number, operator: op, ...(isFormula(f2) ? { formula2: f2 as string | number } : {}) };
  return { [kind]: criteria } as ValidationRuleState;
}

export class FakeDataValidation extends ProxyBase {
  constructor(ctx: FakeRequestContext, path: string, private readonly t: () => RangeTarget) {
    super(ctx, path);
  }
  protected _exists(): boolean { return true; }

  private _topLeft(): ValidationState {
    const t = this.t();
    return t.sheet.cells.get(key(t.rect.row, t.rect.col))?.validation ?? blank();
  }

  protected _props(): Record<string, PropSpec> {
    const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    return {
      rule: { api: "1.8", read: () => copy(this._topLeft().rule ?? {}) },
      errorAlert: { api: "1.8", read: () => copy(this._topLeft().errorAlert) },
      prompt: { api: "1.8", read: () => copy(this._topLeft().prompt) },
      ignoreBlanks: { api: "1.8", read: () => this._topLeft().ignoreBlanks },
      type: {
        api: "1.8",
        read: () => {
          const t = this.t();
          const seen = new Set<string>();
          for (let i = 0; i < t.rect.rows; i++) {
            for (let j = 0; j < t.rect.cols; j++) {
              seen.add(JSON.stringify(t.sheet.cells.get(key(t.rect.row + i, t.rect.col + j))?.validation?.rule ?? null));
            }
          }
          if (seen.size > 1) return "Inconsistent";
          const rule = this._topLeft().rule;
          const kind = rule ? Object.keys(rule)[0] : undefined;
          return kind ? TYPE_NAMES[kind] : "None";
        },
      },
    };
  }

  get rule(): ValidationRuleState { return this._get("rule"); }
  set rule(v: ValidationRuleState) {
    this._update("rule=", v, () => {
      const checked = checkRule(v);
      return (s) => { s.rule = checked; };
    });
  }
  get errorAlert(): ValidationState["errorAlert"] { return this._get("errorAlert"); }
  set errorAlert(v: Partial<ValidationState["errorAlert"]>) {
    this._update("errorAlert=", v, () => {
      if (v.style !== undefined && !["Stop", "Warning", "Information"].includes(v.style)) {
        fail("InvalidArgument", `'${v.style}' is not an error alert style.`);
      }
      return (s) => { s.errorAlert = { ...s.errorAlert, ...v }; };
    });
  }
  get prompt(): ValidationState["prompt"] { return this._get("prompt"); }
  set prompt(v: Partial<ValidationState["prompt"]>) {
    this._update("prompt=", v, () => (s) => { s.prompt = { ...s.prompt, ...v }; });
  }
  get ignoreBlanks(): boolean { return this._get("ignoreBlanks"); }
  set ignoreBlanks(v: boolean) {
    this._update("ignoreBlanks=", v, () => (s) => { s.ignoreBlanks = v; });
  }
  get type(): string { return this._get("type"); }

  clear(): void {
    this._queue("clear", [], "1.8", () => {
      const t = this.t();
      if (t.sheet.protected) fail("AccessDenied", `The worksheet '${t.sheet.name}' is protected.`);
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const c = t.sheet.cells.get(key(t.rect.row + i, t.rect.col + j));
          if (c) delete c.validation;
        }
      }
    });
  }

  private _update(name: string, arg: unknown, prepare: () => (s: ValidationState) => void): void {
    this._queue(name, [arg], "1.8", () => {
      const t = this.t();
      if (t.sheet.protected) fail("AccessDenied", `The worksheet '${t.sheet.name}' is protected.`);
      const apply = prepare();
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const c = this.context.state.cellFor(t.sheet, t.rect.row + i, t.rect.col + j);
          const s = c.validation ? { ...c.validation } : blank();
          apply(s);
          c.validation = s;
        }
      }
    });
  }
}
