import { CLEAN_MESSAGES, DUPLICATE_REASON, OTHER_CONTACTS_LABEL, flagReasonText } from "../i18n/clean";
import { InsightError } from "../i18n/messages";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { sheetDef } from "../layout/sheets";
import { locateTable, type LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { findTable, type WorkbookSnapshot } from "../plan/snapshot";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { Settings } from "../settings/types";
import { exactDuplicates, keysOf, possibleDuplicates, type DuplicateInput, type PossiblePair } from "../clean/duplicates";
import { Edits } from "../clean/edits";
import { makeNormalisers } from "../clean/fast-normalise";
import { logKey } from "../clean/log-key";
import { CONTACT_FIELDS, appendLine, chooseSurvivor, contactsLine, field, otherContacts, type MergeRecord, type RecordFields } from "../clean/merge";
import { normaliseCustomers } from "../clean/normalise-pass";
import type { CleanReport, CustomerRef } from "../clean/types";
import { WriteBlocks } from "../clean/write-blocks";
import { archiveSheetPlanFromLines, locateArchive } from "../clean/archive";
import { relinkRows } from "../clean/relink";
import { idKey } from "../engine/ids";
import { templateSheet } from "./insert-template";
import { sheetByName } from "./sheet-names";

/**
 * Clean data (SPEC §5): normalise the Customers input cells, merge exact duplicates, mark possible
 * duplicates — as one plan, every changed cell logged (time, "clean", sheet, "id #row", header,
 * old, new: the exact cell values, types kept), so Undo last clean (undo-clean.ts) restores the
 * workbook exactly.
 *
 * Removing merged rows — decision: a merged row is BLANKED IN PLACE, not shifted out.
 *  - A plan cannot delete table rows (the shells only write), so removal is writing either way.
 *  - Shifting the rows below up rewrites every cell under the first merged row, and each of those
 *    is a change to user data that SPEC §5 says must be logged: a merge near the top of 100,000
 *    customers would log ~3 million cells — more rows than a worksheet holds — and send a payload
 *    far over Excel on the web's 5 MB request limit. Blanking logs only the merged rows' cells.
 *  - Rows keep their positions, so references people keep to rows of the list (formulas on other
 *    sheets, "see row 57") stay right, and Undo is a cell-for-cell inverse.
 *  - The engine skips blank rows (mapping/locate.ts), so Score and tier and filters ignore them;
 *    a person can sort them to the bottom or delete them in Excel. Undo then refuses (it checks
 *    every cell it restores still holds what Clean wrote) rather than overwrite their work.
 * The merged rows' input cells go to the Archive table with 并入客户 (the survivor's id) and
 * 合并时间 (this run's time: how Undo finds them); every cell of theirs — output and unmapped
 * columns too — is in the log, so every original value is in the result, the archive or the log.
 */

export interface CleanOptions {
  normalise: boolean;
  merge: boolean;
}

export interface CleanOutcome {
  plan: WorkbookPlan;
  report: CleanReport;
}

const INPUT_COLUMNS = CUSTOMER_COLUMNS.filter((c) => !c.output);
const CONTACT_SET: ReadonlySet<string> = new Set(CONTACT_FIELDS);
/** MergeRecord.cells hold the input columns in layout order. */
const FIELDS: RecordFields = new Map(INPUT_COLUMNS.map((c, k) => [c.id, k]));
/** An archived line: the input columns in layout order, then 并入客户 and 合并时间. */
const ARCHIVE_IDS: readonly string[] = [...INPUT_COLUMNS.map((c) => c.id), "mergedInto", "mergedAt"];

/**
 * 联系人 / 职务 / 手机 / 邮箱 describe one person: a blank one is filled only from the same person
 * (same 联系人), or all of them from one record when the survivor names no contact at all —
 * never 张三's blank title from 李四's. Other people are carried as a contacts line instead.
 */
function samePerson(survivor: MergeRecord, other: MergeRecord): boolean {
  const s = String(field(survivor, FIELDS, "contact") ?? "").trim();
  const o = String(field(other, FIELDS, "contact") ?? "").trim();
  if (s === "") return CONTACT_FIELDS.every((f) => field(survivor, FIELDS, f) === "" || field(survivor, FIELDS, f) === undefined) || o === "";
  return o === s;
}
/** The most possible duplicates named in one 疑似重复 cell (all of them are in the report). */
const MAX_NAMED = 3;

function customersTable(snapshot: WorkbookSnapshot): LocatedTable {
  const table = locateTable(snapshot, "Customers", "customers", CUSTOMER_COLUMNS, "name");
  if (!table) {
    const sheet = snapshot.sheets.find((s) => ["客户信息", "Customers"].includes(s.name));
    if (sheet && sheet.values.length > 0) throw new InsightError("noHeaders", { sheet: sheet.name, row: sheet.originRow + 1 });
    throw new InsightError(snapshot.sheets.every((s) => s.values.length === 0) ? "emptyWorkbook" : "noCustomerSheet");
  }
  if (!table.columns.has("name")) throw new InsightError("noHeaders", { sheet: table.sheet.name, row: table.headerRow + 1 });
  if (table.sheet.protected) throw new InsightError("sheetProtected", { sheet: table.sheet.name });
  return table;
}

function text(v: CellValue): string {
  return typeof v === "string" ? v.trim() : String(v);
}

export function cleanPlan(snapshot: WorkbookSnapshot, settings: Settings, lang: Lang, now: string, options: CleanOptions): CleanOutcome {
  const table = customersTable(snapshot);
  const sheet = table.sheet.name;
  const n = makeNormalisers();
  const edits = new Edits();
  // Header text by column offset, made once: the log names a column for each of millions of cells.
  const headerCache: (string | undefined)[] = [];
  const header = (col: number) => {
    const j = col - table.firstCol;
    if (j < 0) return text(table.headers[j] ?? "");
    return (headerCache[j] ??= text(table.headers[j] ?? ""));
  };
  const colOf = (id: string) => table.columns.get(id);
  // The data rows in sheet order: index i ↔ sheet row rows[i], cells lines[i].
  const rows = Array.from(table.dataRows);
  const lines = table.dataCells;
  // Row → its cells as read, by offset from the first data row: rows ascend, so an array does.
  const firstRow = rows.length ? rows[0] : 0;
  const byOffset: CellValue[][] = [];
  rows.forEach((row, i) => {
    byOffset[row - firstRow] = lines[i];
  });
  const typedLine = (row: number): CellValue[] | undefined => (row >= firstRow ? byOffset[row - firstRow] : undefined);
  const cellAt = (row: number, col: number): CellValue => typedLine(row)?.[col - table.firstCol] ?? "";
  const current = (row: number, col: number): CellValue => edits.value(row, col, cellAt(row, col));
  const idCol = colOf("id");
  const idAt = (row: number) => (idCol === undefined ? "" : text(current(row, idCol)));
  const originalId = (row: number) => (idCol === undefined ? "" : cellAt(row, idCol));
  const ref = (row: number): CustomerRef => ({ row: row + 1, id: idAt(row), name: text(current(row, colOf("name") as number)) });

  const report: CleanReport = { time: now, sheet, normalised: [], flagged: [], groups: [], possible: [], archived: 0, relinked: 0, changedCells: 0 };

  if (options.normalise) {
    const outcome = normaliseCustomers(table, n);
    for (const c of outcome.changes) {
      edits.set(c.row, c.col, c.old, c.new, c.numberFormat);
      report.normalised.push({ row: c.row + 1, key: logKey(originalId(c.row), c.row), column: header(c.col), old: c.old, new: c.new });
    }
    for (const f of outcome.flagged) {
      const item: CleanReport["flagged"][number] = { row: f.row + 1, key: logKey(originalId(f.row), f.row), column: header(f.col), value: f.value, status: f.status, reason: f.reason, message: flagReasonText(f.reason, lang) };
      if (f.candidates) item.candidates = f.candidates;
      if (f.suggestion !== undefined) item.suggestion = f.suggestion;
      report.flagged.push(item);
    }
  }

  // Records after normalisation, by data row index.
  const inputCols = INPUT_COLUMNS.map((def) => ({ def, col: colOf(def.id) }));
  const record = (i: number): MergeRecord => {
    const row = rows[i];
    const line = lines[i];
    const edited = edits.touches(row);
    const cells = new Array<CellValue>(inputCols.length);
    for (let k = 0; k < inputCols.length; k++) {
      const col = inputCols[k].col;
      if (col === undefined) cells[k] = "";
      else cells[k] = edited ? edits.value(row, col, line[col - table.firstCol] ?? "") : (line[col - table.firstCol] ?? "");
    }
    return { row, cells };
  };
  const keyCols = { name: colOf("name"), mobile: colOf("mobile"), email: colOf("email"), creditCode: colOf("creditCode") };
  // One input object, refilled per row: keysOf only reads it.
  const input: DuplicateInput = { name: "", mobile: "", email: "", creditCode: "" };
  let inputRow = 0;
  let inputLine: CellValue[] = [];
  const keyValue = (col: number | undefined): CellValue => {
    if (col === undefined) return "";
    return edits.value(inputRow, col, inputLine[col - table.firstCol] ?? "");
  };
  const keys = rows.map((row, i) => {
    inputRow = row;
    inputLine = lines[i];
    input.name = keyValue(keyCols.name);
    input.mobile = keyValue(keyCols.mobile);
    input.email = keyValue(keyCols.email);
    input.creditCode = keyValue(keyCols.creditCode);
    return keysOf(input, n);
  });
  const { result, vetoed } = exactDuplicates(keys);

  // One representative per component: the survivor of a group, else the row itself.
  const repByComponent = new Map<number, number>();
  // idKey of each merged-away id → the survivor's id, for the Behaviour and Interactions rows.
  const moves = new Map<string, CellValue>();
  // 1 for each data row merged away (by index).
  const archivedRows = new Uint8Array(rows.length);
  // Archived lines (ARCHIVE_IDS): the merged record's input cells as typed, 并入客户, 合并时间.
  const archiveLines: CellValue[][] = [];
  for (const g of result.groups) {
    const records = g.members.map(record);
    const memberRefs = g.members.map((i) => ref(rows[i]));
    const survivor = chooseSurvivor(records, FIELDS);
    const sk = records.indexOf(survivor);
    const sIndex = g.members[sk];
    repByComponent.set(result.component[sIndex], sIndex);
    const others = records.filter((r) => r !== survivor);
    const otherIndexes = g.members.filter((_, k) => k !== sk);
    let filled = 0;
    let carried: string[] = [];
    if (options.merge) {
      // Fill the survivor's blanks from the others, first non-blank in row order.
      inputCols.forEach(({ def, col }, k) => {
        if (col === undefined || survivor.cells[k] !== "") return;
        const donor = others.find((o) => o.cells[k] !== "" && (!CONTACT_SET.has(def.id) || samePerson(survivor, o)));
        if (!donor) return;
        const v = donor.cells[k];
        edits.set(survivor.row, col, cellAt(survivor.row, col), v, typeof v === "number" && def.numberFormat && def.numberFormat !== "@" ? def.numberFormat : undefined);
        survivor.cells[k] = v;
        filled++;
      });
      carried = otherContacts(survivor, others, FIELDS);
      const summaryCol = colOf("summary");
      if (carried.length && summaryCol !== undefined) {
        const line = contactsLine(OTHER_CONTACTS_LABEL, carried, lang);
        edits.set(survivor.row, summaryCol, cellAt(survivor.row, summaryCol), appendLine(current(survivor.row, summaryCol), line));
      }
      const into = idAt(survivor.row) || `#${survivor.row + 1}`;
      // The survivor's id, where the merged-away ids' linked rows move to (it no longer changes).
      const to = idCol === undefined ? "" : current(survivor.row, idCol);
      const toKey = text(to) === "" ? "" : idKey(text(to));
      otherIndexes.forEach((i) => {
        const row = rows[i];
        // The archive keeps the record as it was typed; the log keeps every cell of the row.
        const typed = lines[i];
        // Sized up front: a line grown by push keeps spare capacity, megabytes over 100,000 rows.
        const archived = new Array<CellValue>(ARCHIVE_IDS.length);
        inputCols.forEach(({ col }, k) => {
          archived[k] = col === undefined ? "" : (typed[col - table.firstCol] ?? "");
        });
        archived[inputCols.length] = into;
        archived[inputCols.length + 1] = now;
        archiveLines.push(archived);
        archivedRows[i] = 1;
        const from = idKey(text(originalId(row)));
        if (from !== "" && toKey !== "" && from !== toKey) moves.set(from, to);
        edits.blankRow(row, typed, table.firstCol);
      });
    }
    report.groups.push({
      survivor: ref(survivor.row),
      members: memberRefs,
      reasons: g.reasons,
      merged: options.merge,
      filled,
      carriedContacts: carried,
    });
  }
  // A component's root is one of its own rows: a lone customer is its own representative.
  const pairs = possibleDuplicates(keys, result.component, (c) => repByComponent.get(c) ?? c, vetoed, settings.duplicateThreshold);
  writePossible(pairs, rows, edits, table, idAt, current, lang);
  for (const p of pairs) report.possible.push({ a: ref(rows[p.a]), b: ref(rows[p.b]), score: p.score, reason: p.reason });

  // An id still held by a customer who stays is not moved: its rows are that customer's too.
  rows.forEach((row, i) => {
    if (!archivedRows[i]) moves.delete(idKey(idAt(row)));
  });

  // The plan: Customers cells, the linked rows, the archive, the log.
  // The changed cells go straight into the writes and the log, in sheet order: at 100,000
  // customers a merge changes millions of cells, too many for an intermediate list of each.
  const linkedTables = relinkRows(snapshot, moves);
  // The log is sized once: grown by push to millions of entries it is copied a few dozen times,
  // each old copy a large block left for the next full collection.
  let total = edits.count();
  for (const linked of linkedTables) total += linked.cells.length;
  const log = new Array<ChangeLogEntry>(total);
  let logged = 0;
  const customers = emptySheetPlan(sheet, false);
  const blocks = new WriteBlocks();
  let keyRow = -1;
  let key = "";
  edits.visit((row, col, old, value, numberFormat) => {
    blocks.add(row, col, value, numberFormat);
    // One key string per row, shared by its cells' log entries.
    if (row !== keyRow) {
      keyRow = row;
      key = logKey(originalId(row), row);
    }
    log[logged++] = { time: now, action: "clean", sheet, key, column: header(col), old, new: value };
  });
  customers.writes = blocks.finish();
  const sheets: SheetPlan[] = [customers];
  report.changedCells = logged;
  for (const linked of linkedTables) {
    const t = linked.table;
    const name = t.sheet.name;
    const sp = emptySheetPlan(name, false);
    const linkedBlocks = new WriteBlocks();
    const column = text(t.headers[linked.col - t.firstCol] ?? "");
    for (const c of linked.cells) {
      linkedBlocks.add(c.row, linked.col, c.new);
      log[logged++] = { time: now, action: "clean", sheet: name, key: logKey(c.old, c.row), column, old: c.old, new: c.new };
    }
    sp.writes = linkedBlocks.finish();
    report.changedCells += linked.cells.length;
    report.relinked += linked.cells.length;
    sheets.push(sp);
  }
  report.archived = archiveLines.length;
  if (archiveLines.length) {
    const archive = locateArchive(snapshot);
    sheets.push(archiveSheetPlanFromLines(snapshot, archive, { ids: ARCHIVE_IDS, lines: archiveLines }, [], lang, settings));
  }
  if (log.length && !findTable(snapshot, "ChangeLog")) sheets.push(templateSheet(snapshot, sheetDef("changeLog"), lang, settings));
  for (const sp of sheets) if (sheetByName(snapshot, sp.name)?.protected && (sp.writes.length || sp.tables.length)) throw new InsightError("sheetProtected", { sheet: sp.name });
  return { plan: { action: "clean", lang, sheets, changeLog: log, activate: sheet }, report };
}

/** 疑似重复: each representative names up to three others, best first — "2024012 (名称相近 0.92)". */
function writePossible(
  pairs: readonly PossiblePair[],
  rows: readonly number[],
  edits: Edits,
  table: LocatedTable,
  idAt: (row: number) => string,
  current: (row: number, col: number) => CellValue,
  lang: Lang,
): void {
  const col = table.columns.get("possibleDuplicate");
  if (col === undefined || pairs.length === 0) return;
  const byRow = new Map<number, { other: number; score: number; reason: string }[]>();
  const add = (row: number, other: number, p: PossiblePair) => {
    const list = byRow.get(row) ?? [];
    list.push({ other, score: p.score, reason: pick(DUPLICATE_REASON[p.reason], lang) });
    byRow.set(row, list);
  };
  for (const p of pairs) {
    add(rows[p.a], rows[p.b], p);
    add(rows[p.b], rows[p.a], p);
  }
  for (const [row, list] of byRow) {
    list.sort((x, y) => y.score - x.score || x.other - y.other);
    const value = list
      .slice(0, MAX_NAMED)
      .map((x) => `${idAt(x.other) || `#${x.other + 1}`} (${x.reason} ${x.score.toFixed(2)})`)
      .join("; ");
    const old = current(row, col);
    if (old !== value) edits.set(row, col, old, value);
  }
}

export { CLEAN_MESSAGES };
