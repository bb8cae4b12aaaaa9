import { CUSTOMER_COLUMNS } from "../layout/customers";
import { industryLabel } from "../layout/industries";
import type { ColumnDef } from "../layout/types";
import type { LocatedTable } from "../mapping/locate";
import type { CellValue } from "../plan/cells";
import { isCanonicalMobile, isCleanText, type Normalisers } from "./fast-normalise";
import { foldKey } from "./normalise/text";
import type { Normalised, WarningCode } from "./normalise/types";

/**
 * The normalise step of Clean (SPEC §5): every input cell of Customers through the normaliser of
 * its column's type. An `ok` result that changes the cell is a change; `ambiguous` and `invalid`
 * are flagged and left as typed; `kept` (面议, a landline, 100-200万) is left alone. Nothing is
 * guessed, and nothing is dropped from the sheet: a cell holding several values (two mobiles) or
 * an industry recognised only inside a longer text is flagged, not rewritten, because writing the
 * first value would remove the rest from the sheet.
 */

export interface CellChange {
  row: number;
  col: number;
  columnId: string;
  old: CellValue;
  new: CellValue;
  numberFormat?: string;
}

export interface FlaggedCell {
  row: number;
  col: number;
  columnId: string;
  value: CellValue;
  status: "ambiguous" | "invalid" | "warning";
  /** a normaliser reason or warning code; words in i18n/clean.ts FLAG_REASON */
  reason: string;
  candidates?: CellValue[];
  suggestion?: CellValue;
}

export interface NormaliseOutcome {
  changes: CellChange[];
  flagged: FlaggedCell[];
}

type Kind = "text" | "multiline" | "date" | "money" | "whole" | "score15" | "mobile" | "email" | "creditCode" | "industry";

/** Free-text columns where line breaks (Alt+Enter) mean something. */
const MULTILINE = new Set(["demandDescription", "summary"]);

function kindOf(def: ColumnDef): Kind {
  if (def.id === "industry") return "industry";
  switch (def.type) {
    case "date":
      return "date";
    case "money":
      return "money";
    case "whole":
      return "whole";
    case "score15":
      return "score15";
    case "mobile":
      return "mobile";
    case "email":
      return "email";
    case "creditCode":
      return "creditCode";
    default:
      return MULTILINE.has(def.id) ? "multiline" : "text";
  }
}

/** Warnings that mean "a person should look": the value is not written. */
const HOLD: ReadonlySet<WarningCode> = new Set(["multiple", "partialMatch"]);
/** Warnings worth showing while the value is still written. */
const NOTE: ReadonlySet<WarningCode> = new Set(["domainTypo", "checkDigit"]);

export function normaliseCustomers(table: LocatedTable, n: Normalisers): NormaliseOutcome {
  const changes: CellChange[] = [];
  const flagged: FlaggedCell[] = [];
  const cols = CUSTOMER_COLUMNS.filter((d) => !d.output && table.columns.has(d.id)).map((def) => {
    const col = table.columns.get(def.id) as number;
    return { def, col, at: col - table.firstCol, kind: kindOf(def) };
  });
  const subCol = table.columns.get("subIndustry");
  // The parallel arrays, not table.rows: no object per row at 100,000 customers.
  const { dataRows, dataCells } = table;
  // The cell being read. flag and change are made once and read these, not once per cell:
  // closures per cell were most of what this pass allocated (2.5 million cells at 100,000 rows).
  let row = 0;
  let c = cols[0];
  let v: CellValue = "";
  const flag = (status: FlaggedCell["status"], reason: string, extra: Partial<FlaggedCell> = {}) =>
    flagged.push({ row, col: c.col, columnId: c.def.id, value: v, status, reason, ...extra });
  const change = (value: CellValue) => {
    const ch: CellChange = { row, col: c.col, columnId: c.def.id, old: v, new: value };
    if (typeof value === "number" && c.def.numberFormat && c.def.numberFormat !== "@") ch.numberFormat = c.def.numberFormat;
    changes.push(ch);
  };
  for (let i = 0; i < dataRows.length; i++) {
    row = dataRows[i];
    const cells = dataCells[i];
    for (const col of cols) {
      c = col;
      const cell = cells[c.at];
      if (cell === "" || cell === undefined) continue;
      // Most cells are already in canonical form: the normaliser would return them unchanged
      // with nothing to flag (fast-normalise.ts), so skip building that result at all.
      if (c.kind === "text" ? isCleanText(cell, false) : c.kind === "multiline" ? isCleanText(cell, true) : c.kind === "mobile" && isCanonicalMobile(cell)) continue;
      v = cell;
      if (c.kind === "industry") {
        const r = n.industry(v);
        if (!settle(r, flag)) continue;
        if (r.status !== "ok" || !r.changed) continue;
        const label = industryLabel(r.value.section, "zh-CN");
        const sub = r.value.sub;
        if (sub !== undefined) {
          if (subCol === undefined) {
            flag("warning", "subIndustryConflict");
            continue;
          }
          const current = cells[subCol - table.firstCol] ?? "";
          if (current === "") changes.push({ row, col: subCol, columnId: "subIndustry", old: "", new: sub });
          else if (foldKey(current) !== foldKey(sub)) {
            flag("warning", "subIndustryConflict", { candidates: [label, sub] });
            continue;
          }
        }
        if (label !== v) change(label);
        continue;
      }
      const r: Normalised<string | number> = normaliseOne(c.kind, v, n);
      if (!settle(r, flag)) continue;
      if (r.status !== "ok") continue;
      if (c.kind === "score15" && typeof r.value === "number" && (!Number.isInteger(r.value) || r.value < 1 || r.value > 5)) {
        flag("invalid", "outOfRange15");
        continue;
      }
      if (r.changed) change(r.value);
    }
  }
  return { changes, flagged };
}

function normaliseOne(kind: Exclude<Kind, "industry">, v: CellValue, n: Normalisers): Normalised<string> | Normalised<number> {
  switch (kind) {
    case "text":
      return n.text(v, false);
    case "multiline":
      return n.text(v, true);
    case "date":
      return n.date(v);
    case "money":
      return n.number(v, { unit: "wan" });
    case "whole":
    case "score15":
      return n.number(v, { whole: true });
    case "mobile":
      return n.mobile(v);
    case "email":
      return n.email(v);
    case "creditCode":
      return n.creditCode(v);
  }
}

/** Flags what a person must decide; true when the result may be written. */
function settle<T>(r: Normalised<T>, flag: (status: FlaggedCell["status"], reason: string, extra?: Partial<FlaggedCell>) => void): boolean {
  if (r.status === "ambiguous") {
    const candidates = r.candidates.filter((x): x is T & CellValue => typeof x === "string" || typeof x === "number");
    flag("ambiguous", r.reason, candidates.length ? { candidates } : {});
    return false;
  }
  if (r.status === "invalid") {
    flag("invalid", r.reason);
    return false;
  }
  if (r.status !== "ok") return false;
  const hold = r.warnings?.find((w) => HOLD.has(w));
  if (hold) {
    flag("warning", hold);
    return false;
  }
  const note = r.warnings?.find((w) => NOTE.has(w));
  if (note) {
    const s = r.suggestion;
    flag("warning", note, typeof s === "string" || typeof s === "number" ? { suggestion: s } : {});
  }
  return true;
}
