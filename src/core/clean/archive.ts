import { headerOf, sheetDef, TABLES } from "../layout/sheets";
import { locateTable, type LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import type { SheetPlan } from "../plan/types";
import type { Settings } from "../settings/types";
import { templateSheet } from "../actions/insert-template";

/**
 * The Archive table (归档 / Archive): merged customers' input cells plus 并入客户 and 合并时间.
 * It is rewritten whole (table mode "replace", both shells support it) whenever Clean adds rows or
 * Undo removes a run's rows, so the table grows and shrinks with its rows — a plan has no "append
 * rows to a table" — and columns a person added to it are kept, cells included.
 */

const ARCHIVE = TABLES.Archive;

export function locateArchive(snapshot: WorkbookSnapshot): LocatedTable | null {
  const t = locateTable(snapshot, "Archive", "archive", ARCHIVE.columns, "mergedInto");
  return t && t.tableName ? t : null;
}

/** The archive's rows as records by column id (its own extra columns by header), blank rows dropped. */
export function archiveRecords(archive: LocatedTable): { cells: CellValue[]; mergedAt: CellValue }[] {
  const at = archive.columns.get("mergedAt");
  return archive.rows.map((r) => ({ cells: r.cells, mergedAt: at === undefined ? "" : (r.cells[at - archive.firstCol] ?? "") }));
}

/**
 * The archive sheet's plan: the existing rows except those merged at one of `dropTimes`, then
 * `added` (values by column id). A workbook without an archive gets the sheet from the template.
 */
export function archiveSheetPlan(
  snapshot: WorkbookSnapshot,
  archive: LocatedTable | null,
  added: readonly Record<string, CellValue>[],
  dropTimes: readonly string[],
  lang: Lang,
  settings: Settings,
): SheetPlan {
  const ids = ARCHIVE.columns.map((c) => c.id);
  const lines = added.map((r) => ids.map((id) => r[id] ?? ""));
  return archiveSheetPlanFromLines(snapshot, archive, { ids, lines }, dropTimes, lang, settings);
}

/** Rows to add to the archive as lines: line[k] is the value of column `ids[k]`. */
export interface ArchiveLines {
  ids: readonly string[];
  lines: readonly (readonly CellValue[])[];
}

/**
 * archiveSheetPlan with the added rows as lines rather than objects by column id: Clean archives
 * up to a hundred thousand merged rows, and objects with two dozen keys each, built key by key,
 * are slow dictionary-mode objects. A line already in the table's column order is used as it is.
 */
export function archiveSheetPlanFromLines(
  snapshot: WorkbookSnapshot,
  archive: LocatedTable | null,
  added: ArchiveLines,
  dropTimes: readonly string[],
  lang: Lang,
  settings: Settings,
): SheetPlan {
  // The table's rows for the added lines: `source` says, for each column of the table (at), where
  // its value sits in a line (from; -1: not there, so blank). Missing values are blank.
  const reorder = (width: number, source: readonly { at: number; from: number }[]): CellValue[][] => {
    const identity = width === added.ids.length && source.length === width && source.every((s) => s.at === s.from);
    return added.lines.map((line) => {
      if (identity && isComplete(line, width)) return line as CellValue[];
      const out = new Array<CellValue>(width).fill("");
      for (const s of source) out[s.at] = (s.from < 0 ? undefined : line[s.from]) ?? "";
      return out;
    });
  };
  const sourceOf = (id: string) => added.ids.indexOf(id);
  if (!archive) {
    const sp = templateSheet(snapshot, sheetDef("archive"), lang, settings);
    const t = sp.tables.find((x) => x.name === ARCHIVE.id);
    if (!t || added.lines.length === 0) return sp;
    const rows = reorder(
      ARCHIVE.columns.length,
      ARCHIVE.columns.map((c, k) => ({ at: k, from: sourceOf(c.id) })),
    );
    sp.writes.push({ row: t.range.row + 1, col: t.range.col, kind: "values", values: rows });
    t.range = { ...t.range, rowCount: 1 + rows.length };
    return sp;
  }
  const sp: SheetPlan = { ...emptyPlan(archive.sheet.name) };
  const kept = archiveRecords(archive)
    .filter((r) => !dropTimes.includes(String(r.mergedAt)))
    .map((r) => r.cells);
  const rows = [...kept, ...reorder(archive.colCount, [...archive.columns].map(([id, col]) => ({ at: col - archive.firstCol, from: sourceOf(id) })))];
  const body = rows.length ? rows : [new Array<CellValue>(archive.colCount).fill("")];
  const oldHeight = archive.lastRow - archive.headerRow + 1;
  sp.clear.push({ row: archive.headerRow + 1, col: archive.firstCol, rowCount: Math.max(1, oldHeight - 1), colCount: archive.colCount });
  const headers = archive.headers.map((h, i) => (h === "" ? headerOf(ARCHIVE.columns[i] ?? ARCHIVE.columns[0], lang) : h));
  sp.tables.push({ name: archive.tableName as string, mode: "replace", range: { row: archive.headerRow, col: archive.firstCol, rowCount: 1 + body.length, colCount: archive.colCount }, headers, style: ARCHIVE.style });
  sp.writes.push({ row: archive.headerRow, col: archive.firstCol, kind: "values", values: [headers, ...body] });
  return sp;
}

/** Whether the line has exactly `width` values, none of them missing. */
function isComplete(line: readonly CellValue[], width: number): boolean {
  if (line.length !== width) return false;
  for (let k = 0; k < width; k++) if (line[k] === undefined || line[k] === null) return false;
  return true;
}

function emptyPlan(name: string): SheetPlan {
  return { name, ensure: true, clear: [], tables: [], writes: [], formats: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [] };
}
