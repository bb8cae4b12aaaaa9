/**
 * AutoFilter criteria evaluation, so tests can assert which rows a filter hides.
 * Values filters compare the displayed text; custom filters support the comparison operators
 * (=, <>, >, >=, <, <=) with numbers or text and the * ? wildcards, combined with And/Or.
 */
import { textOf } from "./cells";
import { Cell, FilterCriteria } from "./state";

function wildcard(pattern: string): RegExp {
  const esc = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${esc}$`, "i");
}

function criterionMatches(criterion: string, cell: Cell | undefined): boolean {
  const m = /^(<>|>=|<=|=|>|<)?(.*)$/s.exec(criterion);
  const op = m?.[1] ?? "=";
  const operand = m?.[2] ?? "";
  const value = cell?.value ?? "";
  const num = Number(operand);
  const numeric = operand.trim() !== "" && Number.isFinite(num) && typeof value === "number";
  if (numeric) {
    const v = value as number;
    switch (op) {
      case "=": return v === num;
      case "<>": return v !== num;
      case ">": return v > num;
      case ">=": return v >= num;
      case "<": return v < num;
      default: return v <= num;
    }
  }
  const text = textOf(cell);
  switch (op) {
    case "=": return operand === "" ? text === "" : wildcard(operand).test(text);
    case "<>": return operand === "" ? text !== "" : !wildcard(operand).test(text);
    case ">": return text.localeCompare(operand) > 0;
    case ">=": return text.localeCompare(operand) >= 0;
    case "<": return text.localeCompare(operand) < 0;
    default: return text.localeCompare(operand) <= 0;
  }
}

export function passes(criteria: FilterCriteria, cell: Cell | undefined): boolean {
  if (criteria.filterOn === "Values") return criteria.values.includes(textOf(cell));
  const a = criterionMatches(criteria.criterion1, cell);
  if (criteria.criterion2 === undefined) return a;
  const b = criterionMatches(criteria.criterion2, cell);
  return criteria.operator === "Or" ? a || b : a && b;
}

export function normalizeCriteria(input: unknown): FilterCriteria | null {
  if (typeof input !== "object" || input === null) return null;
  const o = input as Record<string, unknown>;
  if (o.filterOn === "Values" && Array.isArray(o.values)) {
    return { filterOn: "Values", values: o.values.map((v) => String(v)) };
  }
  if (o.filterOn === "Custom" && typeof o.criterion1 === "string") {
    const op = o.operator;
    if (op !== undefined && op !== "And" && op !== "Or") return null;
    return {
      filterOn: "Custom",
      criterion1: o.criterion1,
      criterion2: typeof o.criterion2 === "string" ? o.criterion2 : undefined,
      operator: op,
    };
  }
  return null;
}
