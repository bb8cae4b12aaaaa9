import { CLEAN_MESSAGES, DUPLICATE_REASON, OTHER_CONTACTS_LABEL, flagReasonText } from "../i18n/clean";
import { InsightError } from "../i18n/messages";
import { CUSTOMER_COLUMNS } from "../layout/customers";
import { TABLES, sheetDef } from "../layout/sheets";
import { locateTable, type LocatedTable } from "../mapping/locate";
import type { CellValue, Lang } from "../plan/cells";
import { pick } from "../plan/cells";
import { findTable, type WorkbookSnapshot } from "../plan/snapshot";
import { emptySheetPlan, type ChangeLogEntry, type SheetPlan, type WorkbookPlan } from "../plan/types";
import type { Settings } from "../settings/types";
import { exactDuplicates, keysOf, possibleDuplicates, type PossiblePair } from "../clean/duplicates";
import { Edits } from "../clean/edits";
import { makeNormalisers } from "../clean/fast-normalise";
import { logKey } from "../clean/log-key";
import { CONTACT_FIELDS, appendLine, chooseSurvivor, contactsLine, otherContacts, type MergeRecord } from "../clean/merge";
import { normaliseCustomers } from "../clean/normalise-pass";
import type { CleanReport, CustomerRef } from "../clean/types";
import { writeBlocks } from "../clean/write-blocks";
import { archiveSheetPlan, locateArchive } from "../clean/archive";
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

/**
 * 联系人 / 职务 / 手机 / 邮箱 describe one person: a blank one is filled only from the same person
 * (same 联系人), or all of them from one record when the survivor names no contact at all —
 * never 张三's blank title from 李四's. Other people are carried as a contacts line instead.
 */
function samePerson(survivor: MergeRecord, other: MergeRecord): boolean {
  const s = String(survivor.cells.contact ?? "").trim();
  const o = String(other.cells.contact ?? "").trim();
  if (s === "") return CONTACT_FIELDS.every((f) => survivor.cells[f] === "" || survivor.cells[f] === undefined) || o === "";
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
  const header = (col: number) => text(table.headers[col - table.firstCol] ?? "");
  const colOf = (id: string) => table.columns.get(id);
  const original = new Map<number, CellValue[]>(table.rows.map((r) => [r.row, r.cells]));
  const cellAt = (row: number, col: number): CellValue => original.get(row)?.[col - table.firstCol] ?? "";
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

  // Records after normalisation, in sheet order: index i ↔ table.rows[i].
  const rows = table.rows.map((r) => r.row);
  const record = (row: number): MergeRecord => {
    const cells: Record<string, CellValue> = {};
    for (const def of INPUT_COLUMNS) {
      const col = colOf(def.id);
      cells[def.id] = col === undefined ? "" : current(row, col);
    }
    return { row, cells };
  };
  const valueOf = (row: number, id: string): CellValue => {
    const col = colOf(id);
    return col === undefined ? "" : current(row, col);
  };
  const keys = rows.map((row) => keysOf({ name: valueOf(row, "name"), mobile: valueOf(row, "mobile"), email: valueOf(row, "email"), creditCode: valueOf(row, "creditCode") }, n));
  const { result, vetoed } = exactDuplicates(keys);

  // One representative per component: the survivor of a group, else the row itself.
  const repByComponent = new Map<number, number>();
  // idKey of each merged-away id → the survivor's id, for the Behaviour and Interactions rows.
  const moves = new Map<string, CellValue>();
  const archivedRows = new Set<number>();
  const archiveRows: { cells: Record<string, CellValue>; mergedInto: string }[] = [];
  for (const g of result.groups) {
    const records = g.members.map((i) => record(rows[i]));
    const memberRefs = g.members.map((i) => ref(rows[i]));
    const survivor = chooseSurvivor(records);
    const sIndex = g.members[records.indexOf(survivor)];
    repByComponent.set(result.component[sIndex], sIndex);
    const others = records.filter((r) => r !== survivor);
    let filled = 0;
    let carried: string[] = [];
    if (options.merge) {
      // Fill the survivor's blanks from the others, first non-blank in row order.
      for (const def of INPUT_COLUMNS) {
        const col = colOf(def.id);
        if (col === undefined || survivor.cells[def.id] !== "") continue;
        const donor = others.find((o) => o.cells[def.id] !== "" && (!CONTACT_SET.has(def.id) || samePerson(survivor, o)));
        if (!donor) continue;
        const v = donor.cells[def.id];
        edits.set(survivor.row, col, cellAt(survivor.row, col), v, typeof v === "number" && def.numberFormat && def.numberFormat !== "@" ? def.numberFormat : undefined);
        survivor.cells[def.id] = v;
        filled++;
      }
      carried = otherContacts(survivor.cells, others);
      const summaryCol = colOf("summary");
      if (carried.length && summaryCol !== undefined) {
        const line = contactsLine(OTHER_CONTACTS_LABEL, carried, lang);
        edits.set(survivor.row, summaryCol, cellAt(survivor.row, summaryCol), appendLine(current(survivor.row, summaryCol), line));
      }
      const into = idAt(survivor.row) || `#${survivor.row + 1}`;
      for (const o of others) {
        // The archive keeps the record as it was typed; the log keeps every cell of the row.
        const cells: Record<string, CellValue> = {};
        for (const def of INPUT_COLUMNS) {
          const col = colOf(def.id);
          cells[def.id] = col === undefined ? "" : cellAt(o.row, col);
        }
        archiveRows.push({ cells, mergedInto: into });
        archivedRows.add(o.row);
        const from = idKey(text(originalId(o.row)));
        const to = idCol === undefined ? "" : current(survivor.row, idCol);
        if (from !== "" && text(to) !== "" && from !== idKey(text(to))) moves.set(from, to);
        const line = original.get(o.row) ?? [];
        line.forEach((v, j) => {
          if (v !== "" || edits.value(o.row, table.firstCol + j, v) !== "") edits.set(o.row, table.firstCol + j, v, "");
        });
      }
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
  for (const row of rows) if (!archivedRows.has(row)) moves.delete(idKey(idAt(row)));

  // The plan: Customers cells, the linked rows, the archive, the log.
  const changes = edits.list();
  const customers = emptySheetPlan(sheet, false);
  customers.writes = writeBlocks(changes.map((e) => ({ row: e.row, col: e.col, value: e.new, numberFormat: e.numberFormat })));
  const log: ChangeLogEntry[] = changes.map((e) => ({ time: now, action: "clean", sheet, key: logKey(originalId(e.row), e.row), column: header(e.col), old: e.old, new: e.new }));
  const sheets: SheetPlan[] = [customers];
  report.changedCells = changes.length;
  for (const linked of relinkRows(snapshot, moves)) {
    const t = linked.table;
    const cells = linked.edits.list();
    const sp = emptySheetPlan(t.sheet.name, false);
    sp.writes = writeBlocks(cells.map((e) => ({ row: e.row, col: e.col, value: e.new })));
    for (const e of cells) log.push({ time: now, action: "clean", sheet: t.sheet.name, key: logKey(e.old, e.row), column: text(t.headers[e.col - t.firstCol] ?? ""), old: e.old, new: e.new });
    report.changedCells += cells.length;
    report.relinked += linked.rows;
    sheets.push(sp);
  }
  report.archived = archiveRows.length;
  if (archiveRows.length) {
    const archive = locateArchive(snapshot);
    sheets.push(archiveSheetPlan(snapshot, archive, archiveRows.map((r) => ({ ...r.cells, mergedInto: r.mergedInto, mergedAt: now })), [], lang, settings));
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
