import { cleanPlan, type CleanOptions } from "../../core/actions/clean";
import { readSettings } from "../../core/actions/read-settings";
import { lastCleanRun, readLog } from "../../core/clean/log-runs";
import type { CleanReport, CustomerRef } from "../../core/clean/types";
import { DUPLICATE_REASON } from "../../core/i18n/clean";
import { CUSTOMER_COLUMNS } from "../../core/layout/customers";
import { headerOf } from "../../core/layout/sheets";
import { serialToISO } from "../../core/mapping/dates";
import { locateTable } from "../../core/mapping/locate";
import { pick, type CellValue, type Lang } from "../../core/plan/cells";
import type { WorkbookSnapshot } from "../../core/plan/snapshot";
import { errorText } from "../host";

/**
 * The Clean screen's review: a dry run of Clean (the core's cleanPlan on the snapshot the pane
 * read; the plan is thrown away, nothing is written) and what it found, shaped for the screen —
 * each duplicate group's members side by side, field by field, with the fields that differ marked.
 */

export interface ReviewField {
  id: string;
  label: string;
  /** the value of each member, survivor first, as Clean sees it (after normalisation when on) */
  values: string[];
  /** two or more different non-blank values */
  differs: boolean;
  /** blank in the survivor, filled in by another member */
  gap: boolean;
}

export interface ReviewGroup {
  survivor: CustomerRef;
  /** the rows merged into the survivor */
  others: CustomerRef[];
  reasons: string[];
  fields: ReviewField[];
  carriedContacts: string[];
}

export interface CleanCounts {
  normalised: number;
  groups: number;
  possible: number;
  flagged: number;
}

export type CleanReview =
  | { ok: true; report: CleanReport; counts: CleanCounts; groups: ReviewGroup[] }
  | { ok: false; message: string };

/** The time of the clean run Undo last clean would reverse, or null when there is none. */
export function lastCleanTime(snapshot: WorkbookSnapshot): string | null {
  const log = readLog(snapshot);
  return log ? (lastCleanRun(log)?.time ?? null) : null;
}

const INPUT_COLUMNS = CUSTOMER_COLUMNS.filter((c) => !c.output);
const DATE_IDS: ReadonlySet<string> = new Set(CUSTOMER_COLUMNS.filter((c) => c.type === "date").map((c) => c.id));

export function displayValue(id: string, v: CellValue | undefined): string {
  if (v === undefined || v === "") return "";
  if (typeof v === "number" && DATE_IDS.has(id) && v > 0 && v < 2958466) return serialToISO(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

const fold = (s: string) => s.normalize("NFKC").trim().toLowerCase();

export function reviewClean(snapshot: WorkbookSnapshot, lang: Lang, options: { normalise: boolean; merge: boolean }, now: string): CleanReview {
  let report: CleanReport;
  try {
    // The review is the same run as the button's, so what it shows is what Clean will do.
    const opts: CleanOptions = { normalise: options.normalise, merge: options.merge };
    report = cleanPlan(snapshot, readSettings(snapshot), lang, now, opts).report;
  } catch (e) {
    return { ok: false, message: errorText(e, lang, "check") };
  }
  const table = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
  const counts: CleanCounts = { normalised: report.normalised.length, groups: report.groups.length, possible: report.possible.length, flagged: report.flagged.length };
  if (!table) return { ok: true, report, counts, groups: [] };

  // Cells as Clean sees them: the normalised value where normalise changes one, else as typed.
  const normalised = new Map<string, CellValue>(report.normalised.map((c) => [`${c.row}\u0000${c.column}`, c.new]));
  const byRow = new Map<number, CellValue[]>(table.rows.map((r) => [r.row + 1, r.cells]));
  const valueAt = (row: number, id: string): string => {
    const col = table.columns.get(id);
    if (col === undefined) return "";
    const header = String(table.headers[col - table.firstCol] ?? "").trim();
    const v = normalised.get(`${row}\u0000${header}`) ?? byRow.get(row)?.[col - table.firstCol];
    return displayValue(id, v);
  };

  const groups: ReviewGroup[] = report.groups.map((g) => {
    const others = g.members.filter((m) => m.row !== g.survivor.row);
    const members = [g.survivor, ...others];
    const fields: ReviewField[] = [];
    for (const def of INPUT_COLUMNS) {
      if (!table.columns.has(def.id)) continue;
      const values = members.map((m) => valueAt(m.row, def.id));
      if (values.every((v) => v === "")) continue;
      const distinct = new Set(values.filter((v) => v !== "").map(fold));
      fields.push({ id: def.id, label: headerOf(def, lang), values, differs: distinct.size > 1, gap: values[0] === "" && distinct.size > 0 });
    }
    const reasons = g.reasons.map((r) => `${pick(DUPLICATE_REASON[r.kind] ?? { zh: r.kind, en: r.kind }, lang)}: ${r.value}`);
    return { survivor: g.survivor, others, reasons, fields, carriedContacts: g.carriedContacts };
  });
  return { ok: true, report, counts, groups };
}

/** "2024003 北京华信…" or "row 4 北京华信…" — how a customer is named in the review. */
export function refLabel(ref: CustomerRef): string {
  return ref.id ? `${ref.id} ${ref.name}` : ref.name;
}

export function possibleReason(reason: string, lang: Lang): string {
  const l = DUPLICATE_REASON[reason];
  return l ? pick(l, lang) : reason;
}
