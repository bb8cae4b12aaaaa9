import { FILTER_PRESET_IDS, countVisible, tableColumnIndex, type FilterCondition, type FilterOperator, type FilterSpec } from "../../core/actions/filter";
import { AdoptError, type FilterPresetId } from "../../core/i18n/adopt";
import { CUSTOMER_COLUMNS } from "../../core/layout/customers";
import type { ColumnDef } from "../../core/layout/types";
import type { Lang } from "../../core/plan/cells";
import { findTable, type WorkbookSnapshot } from "../../core/plan/snapshot";

export type Count = { ok: true; visible: number; total: number } | { ok: false; message: string };

function count(snapshot: WorkbookSnapshot, filter: FilterSpec | FilterPresetId, lang: Lang): Count {
  try {
    const { total, visible } = countVisible(snapshot, filter, lang);
    return { ok: true, visible: visible.length, total };
  } catch (e) {
    return { ok: false, message: e instanceof AdoptError ? e.localized(lang) : String(e) };
  }
}

/** Each preset's live count of the customers it would show (or why it cannot run yet). */
export function presetCounts(snapshot: WorkbookSnapshot, lang: Lang): Record<FilterPresetId, Count> {
  const out = {} as Record<FilterPresetId, Count>;
  for (const id of FILTER_PRESET_IDS) out[id] = count(snapshot, id, lang);
  return out;
}

export function specCount(snapshot: WorkbookSnapshot, spec: FilterSpec, lang: Lang): Count {
  return count(snapshot, spec, lang);
}

/** The Customers columns the workbook's table has, in table order: what the builder offers. */
export function filterColumns(snapshot: WorkbookSnapshot): ColumnDef[] {
  const found = findTable(snapshot, "Customers");
  if (!found) return [];
  const where = tableColumnIndex(found.table.headers);
  return CUSTOMER_COLUMNS.filter((c) => where.has(c.id)).sort((a, b) => (where.get(a.id) ?? 0) - (where.get(b.id) ?? 0));
}

const NUMERIC = new Set(["whole", "decimal", "money", "percent", "score15", "date"]);

/** Operators that make sense for a column's type. */
export function operatorsFor(def: ColumnDef | undefined): FilterOperator[] {
  if (!def) return ["equals"];
  if (NUMERIC.has(def.type)) return ["gte", "lte", "equals", "gt", "lt", "between", "notBlank", "isBlank"];
  return ["equals", "notEquals", "contains", "notBlank", "isBlank"];
}

export function needsValue(op: FilterOperator): boolean {
  return op !== "isBlank" && op !== "notBlank";
}

/** A row of the builder as typed. */
export interface BuilderRow {
  column: string;
  operator: FilterOperator;
  value: string;
  value2: string;
}

export function specOf(rows: readonly BuilderRow[]): FilterSpec {
  const conditions: FilterCondition[] = rows
    // A row still being typed (no column, or no value where one is needed) is not a condition yet.
    .filter((r) => r.column !== "" && (!needsValue(r.operator) || r.value.trim() !== "") && (r.operator !== "between" || r.value2.trim() !== ""))
    .map((r) => {
      const c: FilterCondition = { column: r.column, operator: r.operator };
      if (needsValue(r.operator)) c.value = r.value;
      if (r.operator === "between") c.value2 = r.value2;
      return c;
    });
  return { conditions };
}
