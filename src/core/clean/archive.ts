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
  if (!archive) {
    const sp = templateSheet(snapshot, sheetDef("archive"), lang, settings);
    const t = sp.tables.find((x) => x.name === ARCHIVE.id);
    if (!t || added.length === 0) return sp;
    const rows = added.map((r) => ARCHIVE.columns.map((c) => r[c.id] ?? ""));
    sp.writes.push({ row: t.range.row + 1, col: t.range.col, kind: "values", values: rows });
    t.range = { ...t.range, rowCount: 1 + rows.length };
    return sp;
  }
  const sp: SheetPlan = { ...emptyPlan(archive.sheet.name) };
  const kept = archiveRecords(archive)
    .filter((r) => !dropTimes.includes(String(r.mergedAt)))
    .map((r) => r.cells);
  const byId = (r: Record<string, CellValue>) => {
    const line = new Array<CellValue>(archive.colCount).fill("");
    for (const [id, col] of archive.columns) line[col - archive.firstCol] = r[id] ?? "";
    return line;
  };
  const rows = [...kept, ...added.map(byId)];
  const body = rows.length ? rows : [new Array<CellValue>(archive.colCount).fill("")];
  const oldHeight = archive.lastRow - archive.headerRow + 1;
  sp.clear.push({ row: archive.headerRow + 1, col: archive.firstCol, rowCount: Math.max(1, oldHeight - 1), colCount: archive.colCount });
  const headers = archive.headers.map((h, i) => (h === "" ? headerOf(ARCHIVE.columns[i] ?? ARCHIVE.columns[0], lang) : h));
  sp.tables.push({ name: archive.tableName as string, mode: "replace", range: { row: archive.headerRow, col: archive.firstCol, rowCount: 1 + body.length, colCount: archive.colCount }, headers, style: ARCHIVE.style });
  sp.writes.push({ row: archive.headerRow, col: archive.firstCol, kind: "values", values: [headers, ...body] });
  return sp;
}

function emptyPlan(name: string): SheetPlan {
  return { name, ensure: true, clear: [], tables: [], writes: [], formats: [], validations: [], conditionalFormats: [], charts: [], columnWidths: [] };
}
