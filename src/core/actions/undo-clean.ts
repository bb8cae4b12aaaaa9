import { CleanError } from "../i18n/clean";
import { InsightError } from "../i18n/messages";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import type { ColumnDef } from "../layout/types";
import { locateTable, type LocatedTable } from "../mapping/locate";
import { LINKED_TABLES } from "../clean/relink";
import { cellAddress } from "../plan/a1";
import type { CellValue, Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import { DEFAULT_SETTINGS } from "../settings/types";
import { archiveRecords, archiveSheetPlan, locateArchive } from "../clean/archive";
import { lastCleanRun, readLog } from "../clean/log-runs";
import { rowOfLogKey } from "../clean/log-key";
import { writeBlocks, type CellAssignment } from "../clean/write-blocks";
import { sheetByName } from "./sheet-names";

/**
 * Undo last clean (SPEC §5): the last clean run not yet undone (log-runs.ts), reversed cell by cell
 * from the Change log — each logged cell gets its old value back, exactly (type included: a number
 * stays a number, text stays text) — its rows removed from the Archive (found by 合并时间 = the
 * run's time), and one "undoClean" log row per restored cell.
 *
 * Undo first checks that every cell still holds what the clean wrote. If a person edited, sorted
 * or deleted rows since, the positions in the log no longer mean the same cells, and writing old
 * values there would damage their work: Undo refuses with a message and changes nothing.
 */

export interface UndoOutcome {
  plan: WorkbookPlan;
  time: string;
  restored: number;
  archiveRowsRemoved: number;
}

/** Date cells with a time of day pass through a JavaScript Date (whole milliseconds) in some shells. */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
}

export function undoLastCleanPlan(snapshot: WorkbookSnapshot, lang: Lang, now: string): UndoOutcome {
  const log = readLog(snapshot);
  if (!log) throw new CleanError("undoNoLog");
  const run = lastCleanRun(log);
  if (!run) throw new CleanError("undoNothing");
  const table = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
  // Clean writes Customers cells, and the 客户编号 of Behaviour / Interactions rows it relinked.
  const tables = new Map<string, { located: LocatedTable; columns: readonly ColumnDef[] }>();
  if (table) tables.set(table.sheet.name, { located: table, columns: CUSTOMER_COLUMNS });
  for (const t of LINKED_TABLES) {
    const located = locateTable(snapshot, t.table, t.sheet, t.columns, "customerId");
    if (located && !tables.has(located.sheet.name)) tables.set(located.sheet.name, { located, columns: t.columns });
  }
  const plans = new Map<string, { sp: SheetPlan; cells: Map<string, CellAssignment> }>();
  const entries: ChangeLogEntry[] = [];
  const entryOf = new Map<string, ChangeLogEntry>();
  // Newest first, so the oldest value of a cell logged twice is the one written back.
  for (const e of [...run.rows].reverse()) {
    const sheet = sheetByName(snapshot, e.sheet);
    const row = rowOfLogKey(e.key);
    const target = tables.get(e.sheet);
    const at = target ? target.located.headers.findIndex((h) => String(h).trim() === e.column.trim()) : -1;
    if (!sheet || row === null || !target || at < 0) throw new CleanError("undoCellMissing", { sheet: e.sheet, key: String(e.key), column: e.column });
    if (sheet.protected) throw new InsightError("sheetProtected", { sheet: sheet.name });
    const col = target.located.firstCol + at;
    const now_ = sheet.values[row - sheet.originRow]?.[col - sheet.originCol];
    const currentValue: CellValue = now_ === undefined || now_ === null ? "" : now_;
    let p = plans.get(sheet.name);
    if (!p) {
      p = { sp: emptySheetPlan(sheet.name, false), cells: new Map() };
      plans.set(sheet.name, p);
    }
    const cellKey = `${row}:${col}`;
    if (!p.cells.has(cellKey)) {
      if (!sameValue(currentValue, e.new)) {
        throw new CleanError("undoChanged", { sheet: sheet.name, cell: cellAddress(row, col), now: String(currentValue), expected: String(e.new) });
      }
      const entry: ChangeLogEntry = { time: now, action: "undoClean", sheet: sheet.name, key: String(e.key), column: e.column, old: currentValue, new: e.old };
      entries.push(entry);
      entryOf.set(`${sheet.name}\u0000${cellKey}`, entry);
    } else {
      const entry = entryOf.get(`${sheet.name}\u0000${cellKey}`);
      if (entry) entry.new = e.old;
    }
    const def = target.columns.find((c) => target.located.columns.get(c.id) === col);
    // A number going back into a text-formatted column (手机 typed as a number) must not become text.
    const numberFormat = typeof e.old === "number" && def?.numberFormat === "@" ? "General" : undefined;
    p.cells.set(cellKey, { row, col, value: e.old, numberFormat });
  }
  const sheets: SheetPlan[] = [];
  let restored = 0;
  for (const { sp, cells } of plans.values()) {
    sp.writes = writeBlocks([...cells.values()]);
    restored += cells.size;
    sheets.push(sp);
  }
  const archive = locateArchive(snapshot);
  const removed = archive ? archiveRecords(archive).filter((r) => String(r.mergedAt) === run.time).length : 0;
  if (archive && removed > 0) {
    if (archive.sheet.protected) throw new InsightError("sheetProtected", { sheet: archive.sheet.name });
    sheets.push(archiveSheetPlan(snapshot, archive, [], [run.time], lang, DEFAULT_SETTINGS));
  }
  return { plan: { action: "undoClean", lang, sheets, changeLog: entries.reverse(), activate: table?.sheet.name }, time: run.time, restored, archiveRowsRemoved: removed };
}
