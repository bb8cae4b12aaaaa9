import { message, type MessageCode } from "../core/i18n/messages";
import type { CellProblem } from "../core/mapping/records";
import type { Lang } from "../core/plan/cells";

const CODES: Record<CellProblem["code"], MessageCode> = {
  notNumber: "cellNotNumber",
  notWhole: "cellNotWhole",
  negative: "cellNegative",
  outOfRange15: "cellOutOfRange15",
  notDate: "cellNotDate",
  errorValue: "cellErrorValue",
  formula: "cellFormula",
};

const MAX_LINES = 20;

/** One line per unreadable cell (sheet, row, column, value), the first 20 and a count of the rest. */
export function problemLines(problems: readonly CellProblem[], lang: Lang): string[] {
  const lines = problems.slice(0, MAX_LINES).map((p) => message(CODES[p.code], { sheet: p.sheet, row: p.row + 1, column: p.header, value: String(p.value) }, lang));
  if (problems.length > MAX_LINES) lines.push(message("moreCellProblems", { count: problems.length - MAX_LINES }, lang));
  return lines;
}
