import { InsightError } from "../i18n/messages";
import { LISTS, LIST_ORDER } from "../layout/lists";
import { SHEETS, headerOf, tableStartCol } from "../layout/sheets";
import type { SheetDef, TableDef } from "../layout/types";
import { buildHeaderIndex, mapHeaderRow } from "../mapping/headers";
import type { CellValue, Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { findTable } from "../plan/snapshot";
import { emptySheetPlan, type SheetPlan, type WorkbookPlan } from "../plan/types";
import { settingsToRows } from "../settings/rows";
import { DEFAULT_SETTINGS, type Settings } from "../settings/types";
import { hasValuesIn, resolveSheetName, sheetByName } from "./sheet-names";
import { TEMPLATE_ROWS, decorateColumns } from "./table-parts";

/** The first data rows of a new table: blank, except Settings and Lists which come filled. */
function initialRows(table: TableDef, lang: Lang, settings: Settings): CellValue[][] {
  if (table.id === "Settings") return settingsToRows(settings, lang);
  if (table.id === "Lists") {
    const n = Math.max(...LIST_ORDER.map((l) => LISTS[l].length));
    return Array.from({ length: n }, (_, i) => LIST_ORDER.map((l) => LISTS[l][i]?.value ?? ""));
  }
  return [table.columns.map(() => "")];
}

/** Which of a table's columns an existing table lacks, judged by header ids. */
function missingColumns(table: TableDef, headers: readonly string[]) {
  const { byId } = mapHeaderRow(buildHeaderIndex(table.columns), headers);
  return table.columns.filter((c) => !byId.has(c.id));
}

function planTable(snapshot: WorkbookSnapshot, def: SheetDef, table: TableDef, sp: SheetPlan, lang: Lang, settings: Settings, settingsSheet: string): void {
  const found = findTable(snapshot, table.id);
  if (found) {
    const missing = missingColumns(table, found.table.headers);
    // A table with our name but none of our key columns is someone else's: never write into it.
    if (found.sheet.name !== sp.name || missing.length === table.columns.length || missing.some((c) => c.id === table.columns[0].id)) {
      throw new InsightError("tableNameTaken", { table: found.table.name, sheet: found.sheet.name });
    }
    if (missing.length === 0) return;
    const t = found.table;
    const firstNew = t.firstCol + t.headers.length;
    // Columns are added only where the cells to the right are empty, so nothing typed is covered.
    if (hasValuesIn(found.sheet, t.headerRow, firstNew, t.rowCount + 1, missing.length)) return;
    sp.tables.push({ name: t.name, mode: "extend", range: { row: t.headerRow, col: t.firstCol, rowCount: t.rowCount + 1, colCount: t.headers.length + missing.length }, headers: missing.map((c) => headerOf(c, lang)), style: table.style });
    decorateColumns(sp, table, missing.map((d, i) => ({ def: d, col: firstNew + i })), t.headerRow, Math.max(t.rowCount, TEMPLATE_ROWS), lang, settingsSheet);
    return;
  }
  const col = tableStartCol(def, table.id);
  const rows = initialRows(table, lang, settings);
  const existing = sheetByName(snapshot, sp.name);
  if (existing && hasValuesIn(existing, 0, col, rows.length + 1, table.columns.length)) {
    throw new InsightError("sheetNameTaken", { sheet: sp.name, table: table.id });
  }
  const headers = table.columns.map((c) => headerOf(c, lang));
  const numberFormats = table.columns.map((c) => c.numberFormat ?? "General");
  sp.writes.push({ row: 0, col, kind: "values", values: [headers, ...rows], numberFormats });
  sp.tables.push({ name: table.id, mode: "create", range: { row: 0, col, rowCount: rows.length + 1, colCount: headers.length }, headers, style: table.style });
  const dataRows = table.id === "Settings" || table.id === "Lists" ? rows.length : TEMPLATE_ROWS;
  decorateColumns(sp, table, table.columns.map((d, i) => ({ def: d, col: col + i })), 0, dataRows, lang, settingsSheet);
}

/**
 * Insert template: every sheet and table of SPEC §2 that the workbook lacks, and nothing else.
 * Idempotent: on a complete workbook the plan changes nothing; user data is never written.
 */
export function insertTemplate(snapshot: WorkbookSnapshot, lang: Lang, settings: Settings = DEFAULT_SETTINGS): WorkbookPlan {
  const sheets = SHEETS.filter((d) => d.inTemplate).map((def) => templateSheet(snapshot, def, lang, settings));
  return { action: "insertTemplate", lang, sheets, changeLog: [], activate: resolveSheetName(snapshot, "customers", lang) };
}

/** One sheet of the template, adding only what the workbook lacks (also used by actions that log changes). */
export function templateSheet(snapshot: WorkbookSnapshot, def: SheetDef, lang: Lang, settings: Settings = DEFAULT_SETTINGS): SheetPlan {
  const settingsSheet = resolveSheetName(snapshot, "settings", lang);
  const name = resolveSheetName(snapshot, def.id, lang);
  const existing = sheetByName(snapshot, name);
  const sp = emptySheetPlan(name, true);
  sp.tabColor = existing ? undefined : def.tabColor;
  for (const table of def.tables) planTable(snapshot, def, table, sp, lang, settings, settingsSheet);
  if (def.tables.length > 0 && sp.tables.some((t) => t.mode === "create")) {
    sp.freezeRows = 1;
    sp.pageSetup = { landscape: true, fitToWidth: false };
  }
  if (def.id === "summary" && (!existing || existing.values.length === 0)) {
    sp.writes.push({ row: 0, col: 0, kind: "values", values: [[lang === "zh-CN" ? "分析汇总" : "Summary"], [lang === "zh-CN" ? "点击「评分分层」后, 这里会生成分层统计、图表和结论。" : "Run Score and tier to fill this sheet with tier counts, charts and conclusions."]] });
    sp.formats.push({ range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 16 });
  }
  if (existing?.protected && (sp.writes.length || sp.tables.length || sp.formats.length)) throw new InsightError("sheetProtected", { sheet: name });
  return sp;
}
