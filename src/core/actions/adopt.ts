/**
 * Adopt my list, step 2 (SPEC §4): turn a person's list, where it is, into the Customers table.
 *
 * The approach — nothing a person typed moves, and only header cells change:
 *
 * - No cell is moved. The snapshot carries values only, so moving a column would drop its
 *   formulas, number formats, comments, links and validation even when the values were carried
 *   exactly; and a row or column shift would break the person's own references to the list.
 *   The engine finds columns by header, in any order (mapping/locate.ts), so order does not
 *   matter to it. Unmapped columns therefore stay exactly where they are, as extra table
 *   columns the engine ignores; the standard columns the list lacks are appended to the right
 *   of the list, empty. (SPEC §4's "unmapped columns stay, to the right, untouched" is met in
 *   the sense that matters: untouched; what lies to the right is what is new.)
 * - Data cells are never written: no value, no type, no number format changes. Data validation
 *   is added to the mapped columns (Excel keeps existing values even when they break a rule).
 * - Header cells: a mapped column's header becomes the standard header (手机号 → 手机); an
 *   unmapped column keeps its header unless Excel or the engine would misread it: a blank or
 *   repeated header (Excel would invent Column1 / 电话2 itself), a number (Excel turns table
 *   headers into text), or a header the engine would take for a standard column (备注 would be
 *   read as the contact summary, 客户类型 would be overwritten by Score and tier), which gets the
 *   prefix 原表· / Original·. Every header cell written is logged: old header → new header.
 * - The table "Customers" (mode create) covers the header row and every row down to the last
 *   non-blank one, from the list's first to last column plus the appended ones. Rows above the
 *   header (a title such as 2024年客户台账) are outside it and untouched. The sheet keeps its
 *   name: the engine finds the table by its name wherever it is.
 * - The change log needs the ChangeLog table: when the workbook has none, its sheet is added
 *   as Insert template would add it.
 */
import { AdoptError, blankHeaderText, headerCellKey, keptHeaderText } from "../i18n/adopt";
import { InsightError } from "../i18n/messages";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { TABLES, headerOf, sheetDef } from "../layout/sheets";
import type { ColumnDef } from "../layout/types";
import { INPUT_COLUMNS } from "../adopt/header-match";
import { buildHeaderIndex, matchHeader } from "../mapping/headers";
import { HEADER_SEARCH_ROWS, findListLayout } from "../adopt/layout";
import { asText } from "../mapping/coerce";
import { cellAddress, columnLetters } from "../plan/a1";
import type { CellRange, Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { findTable } from "../plan/snapshot";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import { validationFor } from "../plan/validation-rules";
import { templateSheet } from "./insert-template";
import { resolveSheetName } from "./sheet-names";
import { HEADER_FILL, TEMPLATE_ROWS } from "./table-parts";

export interface AdoptMappingEntry {
  /** 0-based sheet column of the person's list */
  source: number;
  /** a Customers input column id, or null: keep as an extra column */
  target: string | null;
}

const INPUT_BY_ID = new Map(INPUT_COLUMNS.map((c) => [c.id, c]));

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** Excel compares table headers without case: 'Phone' and 'PHONE' collide. */
function headerKey(h: string): string {
  return h.trim().toLowerCase();
}

/**
 * The plan that makes `sheetName`'s list the Customers table, with `mapping` as confirmed by the
 * person (columns absent from `mapping` are kept as extra columns). `now` stamps the change log.
 */
export function adoptList(snapshot: WorkbookSnapshot, sheetName: string, mapping: readonly AdoptMappingEntry[], lang: Lang, now = ""): WorkbookPlan {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new AdoptError("sheetNotFound", { sheet: sheetName });
  const existing = findTable(snapshot, "Customers");
  if (existing || snapshot.tableNames.some((n) => n.toLowerCase() === "customers")) {
    throw new AdoptError("customersTableExists", { sheet: existing?.sheet.name ?? sheetName });
  }
  if (sheet.protected) throw new InsightError("sheetProtected", { sheet: sheet.name });
  const layout = findListLayout(sheet);
  if (!layout) throw new AdoptError("noHeaderRow", { sheet: sheet.name, rows: HEADER_SEARCH_ROWS });
  const { headerRow, firstCol, colCount } = layout;

  // The mapping: sources inside the list, targets input columns, each target once, name present.
  const targetOf = new Map<number, ColumnDef>();
  const sourcesOf = new Map<string, number[]>();
  for (const m of mapping) {
    if (m.source < firstCol || m.source >= firstCol + colCount || !Number.isInteger(m.source)) throw new AdoptError("sourceOutOfRange", { col: columnLetters(Math.max(0, Math.floor(m.source))) });
    if (m.target === null) continue;
    const def = INPUT_BY_ID.get(m.target);
    if (!def) throw new AdoptError("unknownTarget", { target: m.target });
    targetOf.set(m.source, def);
    sourcesOf.set(m.target, [...new Set([...(sourcesOf.get(m.target) ?? []), m.source])]);
  }
  for (const [target, cols] of sourcesOf) {
    if (cols.length > 1) throw new AdoptError("duplicateTarget", { column: headerOf(INPUT_BY_ID.get(target) as ColumnDef, lang), cols: cols.map(columnLetters).join(", ") });
  }
  if (!sourcesOf.has("name")) throw new AdoptError("nameNotMapped", {});

  const mappedIds = new Set(sourcesOf.keys());
  const appended = CUSTOMER_COLUMNS.filter((c) => c.output || !mappedIds.has(c.id));
  const lastRow = Math.max(layout.lastRow, headerRow + 1);
  const range: CellRange = { row: headerRow, col: firstCol, rowCount: lastRow - headerRow + 1, colCount: colCount + appended.length };
  for (const s of snapshot.sheets.filter((x) => x.name === sheet.name)) {
    for (const t of s.tables) {
      const tr: CellRange = { row: t.headerRow, col: t.firstCol, rowCount: t.rowCount + 1, colCount: Math.max(1, t.headers.length) };
      if (overlaps(range, tr)) throw new AdoptError("rangeOverlapsTable", { table: t.name, sheet: s.name });
    }
  }

  // Headers: standard ones for mapped columns first (they must stay exactly as the engine knows them).
  const headers: string[] = new Array<string>(colCount).fill("");
  const taken = new Set<string>();
  for (let i = 0; i < colCount; i++) {
    const def = targetOf.get(firstCol + i);
    if (def) {
      headers[i] = headerOf(def, lang);
      taken.add(headerKey(headers[i]));
    }
  }
  for (const c of appended) taken.add(headerKey(headerOf(c, lang)));
  for (let i = 0; i < colCount; i++) {
    if (targetOf.has(firstCol + i)) continue;
    const cell = layout.headers[i];
    let h = typeof cell === "string" ? cell : asText(cell);
    if (h.trim() === "") h = blankHeaderText(columnLetters(firstCol + i), lang);
    else if (isReadByEngine(h)) h = keptHeaderText(h.trim(), lang);
    let unique = h;
    for (let n = 2; taken.has(headerKey(unique)) || isReadByEngine(unique); n++) unique = `${h} ${n}`;
    headers[i] = unique;
    taken.add(headerKey(unique));
  }

  const sp = emptySheetPlan(sheet.name, false);
  const log: ChangeLogEntry[] = [];
  for (let i = 0; i < colCount; i++) {
    const old = layout.headers[i];
    if (old === headers[i]) continue;
    const col = firstCol + i;
    sp.writes.push({ row: headerRow, col, kind: "values", values: [[headers[i]]] });
    log.push({ time: now, action: "adopt", sheet: sheet.name, key: headerCellKey(cellAddress(headerRow, col), lang), column: headers[i], old, new: headers[i] });
  }
  const appendedHeaders = appended.map((c) => headerOf(c, lang));
  const firstNew = firstCol + colCount;
  sp.writes.push({ row: headerRow, col: firstNew, kind: "values", values: [appendedHeaders] });
  sp.tables.push({ name: "Customers", mode: "create", range, headers: [...headers, ...appendedHeaders], style: TABLES.Customers.style });

  // Looks: standard headers filled like the template's; the person's extra headers as they were.
  const settingsSheet = resolveSheetName(snapshot, "settings", lang);
  const hasLists = findTable(snapshot, "Lists") !== undefined;
  const dataRows = Math.max(lastRow - headerRow, TEMPLATE_ROWS);
  const standard = [...[...targetOf].map(([col, def]) => ({ col, def, isNew: false })), ...appended.map((def, i) => ({ col: firstNew + i, def, isNew: true }))];
  for (const { col, def, isNew } of standard) {
    sp.formats.push({ range: { row: headerRow, col, rowCount: 1, colCount: 1 }, fill: def.output ? HEADER_FILL.output : HEADER_FILL.input, fontColor: "#FFFFFF", bold: true, wrap: true });
    const data: CellRange = { row: headerRow + 1, col, rowCount: dataRows, colCount: 1 };
    if (isNew) {
      // Empty cells only: formats and widths for the columns the list lacked.
      if (def.numberFormat) sp.formats.push({ range: data, numberFormat: def.numberFormat });
      sp.columnWidths.push({ col, width: def.width });
    }
    // List rules point at the Lists table: only when it exists (Insert template adds it).
    if (def.output || (def.type === "list" && !hasLists)) continue;
    const v = validationFor(def, data, lang, settingsSheet);
    if (v) sp.validations.push(v);
  }
  sp.freezeRows = headerRow + 1;

  const sheets: SheetPlan[] = [sp];
  if (log.length && !findTable(snapshot, "ChangeLog")) sheets.push(templateSheet(snapshot, sheetDef("changeLog"), lang));
  return { action: "adopt", lang, sheets, changeLog: log, activate: sheet.name };
}

const ENGINE_INDEX = buildHeaderIndex(CUSTOMER_COLUMNS);

/** Would the engine (mapping/headers.ts, by id, label or synonym) read this header as a Customers column? */
function isReadByEngine(h: string): boolean {
  return matchHeader(ENGINE_INDEX, h) !== null;
}
