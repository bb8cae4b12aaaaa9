/**
 * Filters (SPEC §6): Excel AutoFilter on the Customers table, so a person sees and clears them
 * in Excel. Four presets and a builder (column, operator, value; AND-combined).
 *
 * Criteria follow Excel.FilterCriteria (ExcelApi 1.2): `filterOn: "Custom"` with criterion1 /
 * criterion2 as comparison strings — ">=4", "=重点", "<>重点", "=*text*" for contains (the docs'
 * "=*s" pattern), "=" for blank cells, "<>" for non-blank cells — and `operator` "And" / "Or"
 * joining the two; or `filterOn: "Values"` with a list of displayed values. Excel holds one
 * criterion per column with at most two comparisons: several conditions on one column are
 * merged into it (≥ 2 and ≤ 4 → ">=2" And "<=4"); more than two is an error. The wildcards
 * * ? and the escape ~ in a person's value are escaped with ~ so they match themselves.
 *
 * Text the engine writes in the workbook's language (跟进状态 逾期 / Overdue, 核心客户 是 / Yes)
 * is matched in both languages (criterion1 Or criterion2), so a preset works whichever language
 * Score and tier ran in. List values (客户等级 重点) are stored in Chinese in either language.
 */
import { AdoptError, type FilterPresetId } from "../i18n/adopt";
import { YES_NO, followUpStatusText } from "../i18n/engine";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { headerOf } from "../layout/sheets";
import type { ColumnDef } from "../layout/types";
import { isoToSerial } from "../mapping/dates";
import { buildHeaderIndex, mapHeaderRow } from "../mapping/headers";
import type { CellValue, Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { findTable } from "../plan/snapshot";
import { emptySheetPlan, type FilterCriterion, type FilterPlan, type WorkbookPlan } from "../plan/types";

export type FilterOperator = "equals" | "notEquals" | "contains" | "gte" | "lte" | "gt" | "lt" | "between" | "isBlank" | "notBlank" | "oneOf";

export interface FilterCondition {
  /** a Customers column id (CUSTOMER_COLUMNS) */
  column: string;
  operator: FilterOperator;
  /** the value compared with; for between, the lower bound */
  value?: string | number;
  /** between: the upper bound */
  value2?: string | number;
  /** oneOf: the values any of which passes */
  values?: (string | number)[];
}

/** Conditions, all of which a row must meet (AND). */
export interface FilterSpec {
  conditions: FilterCondition[];
}

export const FILTER_TABLE = "Customers";

const bothLanguages = (l: { zh: string; en: string }) => [l.zh, l.en];

/** SPEC §6's presets; their names and descriptions are in i18n/adopt.ts (FILTER_PRESET_TEXT). */
export const FILTER_PRESETS: Record<FilterPresetId, FilterSpec> = {
  priorityFollowUp: {
    conditions: [
      { column: "grade", operator: "equals", value: "重点" },
      { column: "needMatch", operator: "gte", value: 4 },
    ],
  },
  overdueFollowUp: { conditions: [{ column: "followUpStatus", operator: "oneOf", values: bothLanguages(followUpStatusText("overdue", 3)) }] },
  churnRiskD: { conditions: [{ column: "tier", operator: "equals", value: "D" }] },
  coreCustomers: { conditions: [{ column: "core", operator: "oneOf", values: bothLanguages(YES_NO.yes) }] },
};

export const FILTER_PRESET_IDS = Object.keys(FILTER_PRESETS) as FilterPresetId[];

const COLUMN_BY_ID = new Map(CUSTOMER_COLUMNS.map((c) => [c.id, c]));
const INDEX = buildHeaderIndex(CUSTOMER_COLUMNS);
const NUMERIC_TYPES = new Set(["whole", "decimal", "money", "percent", "score15"]);

/** A person's value inside a criterion: * ? ~ match themselves. */
function escapeWildcards(s: string): string {
  return s.replace(/[~*?]/g, (ch) => `~${ch}`);
}

/** The operand of a comparison: numbers as numbers, dates (2024-03-15) as Excel serials. */
function operand(def: ColumnDef, v: string | number | undefined, lang: Lang): string {
  if (v === undefined || (typeof v === "string" && v.trim() === "")) throw new AdoptError("filterValueMissing", { column: headerOf(def, lang) });
  if (typeof v === "number") return String(v);
  const t = v.trim();
  if (def.type === "date") {
    const serial = isoToSerial(t.replace(/[/.]/g, "-"));
    if (serial !== null) return String(serial);
    if (/^\d+(\.\d+)?$/.test(t)) return t;
    throw new AdoptError("filterNotNumber", { column: headerOf(def, lang), value: t });
  }
  if (NUMERIC_TYPES.has(def.type)) {
    if (/^-?\d+(\.\d+)?$/.test(t)) return t;
    throw new AdoptError("filterNotNumber", { column: headerOf(def, lang), value: t });
  }
  return escapeWildcards(t);
}

function equalsOperand(v: string | number | undefined): string {
  if (v === undefined) return "";
  return typeof v === "number" ? String(v) : escapeWildcards(v.trim());
}

/** One condition as comparisons: "and" parts must all hold; an "or" part holds when any does. */
type Part = { kind: "and"; atoms: string[] } | { kind: "or"; atoms: string[] };

function partOf(def: ColumnDef, c: FilterCondition, lang: Lang): Part {
  const missing = () => new AdoptError("filterValueMissing", { column: headerOf(def, lang) });
  if ((c.operator === "equals" || c.operator === "notEquals") && c.value === undefined) throw missing();
  switch (c.operator) {
    case "equals":
      return { kind: "and", atoms: [`=${equalsOperand(c.value)}`] };
    case "notEquals":
      return { kind: "and", atoms: [`<>${equalsOperand(c.value)}`] };
    case "contains": {
      const v = equalsOperand(c.value);
      if (v === "") throw new AdoptError("filterValueMissing", { column: headerOf(def, lang) });
      return { kind: "and", atoms: [`=*${v}*`] };
    }
    case "gte":
      return { kind: "and", atoms: [`>=${operand(def, c.value, lang)}`] };
    case "lte":
      return { kind: "and", atoms: [`<=${operand(def, c.value, lang)}`] };
    case "gt":
      return { kind: "and", atoms: [`>${operand(def, c.value, lang)}`] };
    case "lt":
      return { kind: "and", atoms: [`<${operand(def, c.value, lang)}`] };
    case "between": {
      const a = operand(def, c.value, lang);
      const b = operand(def, c.value2, lang);
      const [lo, hi] = Number(a) <= Number(b) || Number.isNaN(Number(a)) ? [a, b] : [b, a];
      return { kind: "and", atoms: [`>=${lo}`, `<=${hi}`] };
    }
    case "isBlank":
      return { kind: "and", atoms: ["="] };
    case "notBlank":
      return { kind: "and", atoms: ["<>"] };
    case "oneOf": {
      const vs = [...new Set((c.values ?? []).map((v) => (typeof v === "number" ? String(v) : v.trim())))];
      if (vs.length === 0) throw new AdoptError("filterValueMissing", { column: headerOf(def, lang) });
      return { kind: "or", atoms: vs };
    }
  }
}

/** Where each Customers column sits in the table: index within the table's headers. */
export function tableColumnIndex(headers: readonly string[]): Map<string, number> {
  return mapHeaderRow(INDEX, headers).byId;
}

/**
 * The AutoFilter criteria of a spec on a table with these headers. Throws AdoptError for a
 * column the table lacks (naming it; output columns say to run Score and tier first) and for
 * more conditions on one column than Excel can hold.
 */
export function buildCriteria(headers: readonly string[], spec: FilterSpec, lang: Lang): FilterCriterion[] {
  const where = tableColumnIndex(headers);
  const byColumn = new Map<number, { def: ColumnDef; parts: Part[] }>();
  for (const c of spec.conditions) {
    const def = COLUMN_BY_ID.get(c.column);
    if (!def) throw new AdoptError("filterUnknownColumn", { column: c.column });
    const at = where.get(def.id);
    if (at === undefined) throw new AdoptError(def.output ? "filterColumnMissingOutput" : "filterColumnMissing", { column: headerOf(def, lang) });
    const entry = byColumn.get(at) ?? { def, parts: [] };
    entry.parts.push(partOf(def, c, lang));
    byColumn.set(at, entry);
  }
  const criteria: FilterCriterion[] = [];
  for (const [column, { def, parts }] of byColumn) {
    const ors = parts.filter((p) => p.kind === "or");
    const ands = parts.flatMap((p) => (p.kind === "and" ? p.atoms : []));
    const tooMany = () => new AdoptError("filterTooManyConditions", { column: headerOf(def, lang) });
    if (ors.length > 0) {
      if (ors.length > 1 || ands.length > 0) throw tooMany();
      const vs = ors[0].atoms;
      if (vs.length === 1) criteria.push({ column, kind: "custom", criterion1: `=${escapeWildcards(vs[0])}` });
      else if (vs.length === 2) criteria.push({ column, kind: "custom", criterion1: `=${escapeWildcards(vs[0])}`, criterion2: `=${escapeWildcards(vs[1])}`, operator: "Or" });
      else criteria.push({ column, kind: "values", values: vs });
      continue;
    }
    const atoms = [...new Set(ands)];
    if (atoms.length > 2) throw tooMany();
    if (atoms.length === 1) criteria.push({ column, kind: "custom", criterion1: atoms[0] });
    else criteria.push({ column, kind: "custom", criterion1: atoms[0], criterion2: atoms[1], operator: "And" });
  }
  return criteria.sort((a, b) => a.column - b.column);
}

function customersTable(snapshot: WorkbookSnapshot) {
  const found = findTable(snapshot, FILTER_TABLE);
  if (!found) throw new AdoptError("filterNoTable", {});
  return found;
}

/** The plan that applies `filter` (a spec or a preset id) to the Customers table, replacing any filter on it. */
export function filterPlan(snapshot: WorkbookSnapshot, filter: FilterSpec | FilterPresetId, lang: Lang): WorkbookPlan {
  const spec = typeof filter === "string" ? FILTER_PRESETS[filter] : filter;
  const { sheet, table } = customersTable(snapshot);
  const sp = emptySheetPlan(sheet.name, false);
  sp.filter = { table: table.name, criteria: buildCriteria(table.headers, spec, lang) };
  return { action: "filter", lang, sheets: [sp], changeLog: [], activate: sheet.name };
}

/** The plan that clears every filter on the Customers table (empty criteria). */
export function clearFiltersPlan(snapshot: WorkbookSnapshot, lang: Lang = "zh-CN"): WorkbookPlan {
  const { sheet, table } = customersTable(snapshot);
  const sp = emptySheetPlan(sheet.name, false);
  sp.filter = { table: table.name, criteria: [] };
  return { action: "clearFilters", lang, sheets: [sp], changeLog: [], activate: sheet.name };
}

// ---- evaluation: which rows Excel would show --------------------------------------------------

function wildcardRegex(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) {
      re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    } else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

function displayed(v: CellValue | undefined): string {
  if (v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** One comparison of a custom criterion against a cell, as Excel applies it. */
export function criterionMatches(criterion: string, v: CellValue | undefined): boolean {
  const m = /^(<>|>=|<=|=|>|<)?([\s\S]*)$/.exec(criterion);
  const op = m?.[1] ?? "=";
  const rhs = m?.[2] ?? "";
  const text = displayed(v);
  if (rhs === "") return op === "=" ? text === "" : op === "<>" ? text !== "" : false;
  const num = Number(rhs);
  const rhsNumeric = /^-?\d+(\.\d+)?$/.test(rhs.trim()) && Number.isFinite(num);
  if (rhsNumeric && typeof v === "number") {
    switch (op) {
      case "=": return v === num;
      case "<>": return v !== num;
      case ">": return v > num;
      case ">=": return v >= num;
      case "<": return v < num;
      default: return v <= num;
    }
  }
  if (op === "=") return wildcardRegex(rhs).test(text);
  if (op === "<>") return !wildcardRegex(rhs).test(text);
  // Ordering compares text with text only: a number criterion never matches text or blanks.
  if (rhsNumeric || typeof v !== "string" || text === "") return false;
  const c = text.localeCompare(rhs, undefined, { sensitivity: "accent" });
  return op === ">" ? c > 0 : op === ">=" ? c >= 0 : op === "<" ? c < 0 : c <= 0;
}

export function criterionPasses(c: FilterCriterion, v: CellValue | undefined): boolean {
  if (c.kind === "values") return c.values.some((x) => x.toLowerCase() === displayed(v).toLowerCase());
  const a = criterionMatches(c.criterion1, v);
  if (c.criterion2 === undefined) return a;
  const b = criterionMatches(c.criterion2, v);
  return c.operator === "Or" ? a || b : a && b;
}

/**
 * Which rows would stay visible: indexes into `rows`, each row the table's cells from its first
 * column (so criterion.column indexes it). Pure: for the pane's count and for tests.
 */
export function evaluateFilter(rows: readonly (readonly CellValue[])[], filter: FilterPlan | readonly FilterCriterion[]): number[] {
  const criteria = "criteria" in filter ? filter.criteria : filter;
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (criteria.every((c) => criterionPasses(c, row[c.column]))) out.push(i);
  });
  return out;
}

/** How many customers a filter would show, and their sheet rows (the Customers table's data rows). */
export function countVisible(snapshot: WorkbookSnapshot, filter: FilterSpec | FilterPresetId, lang: Lang): { total: number; visible: number[] } {
  const spec = typeof filter === "string" ? FILTER_PRESETS[filter] : filter;
  const { sheet, table } = customersTable(snapshot);
  const criteria = buildCriteria(table.headers, spec, lang);
  const rows: CellValue[][] = [];
  const sheetRows: number[] = [];
  for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    const cells = table.headers.map((_, j) => line[table.firstCol + j - sheet.originCol] ?? "");
    if (cells.every((c) => c === "")) continue;
    rows.push(cells);
    sheetRows.push(r);
  }
  return { total: rows.length, visible: evaluateFilter(rows, criteria).map((i) => sheetRows[i]) };
}
