import type { ValidationOperator } from "../core/plan/types";

/** The plan's comparison operators as OOXML (and ExcelJS) spell them, for validation and cellIs rules. */
export const OOXML_OPERATORS = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
} as const satisfies Record<ValidationOperator, string>;
