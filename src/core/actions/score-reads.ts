import { BEHAVIOUR_COLUMNS } from "../layout/behaviour";
import { TABLES } from "../layout/sheets";
import type { ColumnDef, TableId } from "../layout/types";
import { buildHeaderIndex, mapHeaderRow } from "../mapping/headers";
import type { Lang } from "../plan/cells";
import type { WorkbookSnapshot } from "../plan/snapshot";
import { resolveSheetName, workbookLang } from "./sheet-names";

/**
 * What Score and tier reads of a workbook, so that a shell whose reads cost requests (Office.js)
 * fetches only that. The plan from a snapshot holding just these cells (every other cell "") is
 * the plan from the whole workbook: test/excel/score-reads.test.ts checks it, on odd workbooks
 * and by scrambling every column left out. The one thing a left-out column still decides is
 * whether a row is blank (blank rows are skipped), so a shell reads in full any table row whose
 * needed cells are all blank.
 *
 * What is lost: cell problems (a text in a number column…) are reported only for the columns read.
 */

/** How much of one sheet the action needs. */
export type SheetNeed =
  /** every used cell */
  | { kind: "all" }
  /** where the used range is and which tables the sheet holds; with `topLeft`, also its top-left cell */
  | { kind: "shape"; topLeft: boolean }
  /** these columns (0-based in each table, header row always) of these tables, the top-left cell if asked; the rest blank */
  | { kind: "columns"; tables: TableNeed[]; topLeft: boolean };

export interface TableNeed {
  name: string;
  /** in table order */
  columns: NeededColumn[];
}

export interface NeededColumn {
  /** 0-based in the table */
  index: number;
  /** what the column holds (a shell sizes its reads by it) */
  def: ColumnDef;
}

type InputTable = Extract<TableId, "Customers" | "Behaviour" | "Interactions">;

/**
 * Column ids the scoring reads, by table. Customers: the key fields the data status checks
 * (datastatus.ts), the figures the scores use (startDate, lastContact, priority, needMatch,
 * likelihood), what the summary counts (industry, demandType, grade) and the possible-duplicate
 * notes it keeps; the rest (sub-industry, size, revenue, descriptions, budget…) no engine code
 * reads. Behaviour: every input column. Interactions: who, when and about what.
 */
const NEEDED: Record<InputTable, readonly string[]> = {
  Customers: ["id", "name", "industry", "contact", "title", "mobile", "email", "startDate", "demandType", "lastContact", "grade", "priority", "needMatch", "likelihood", "possibleDuplicate"],
  Behaviour: BEHAVIOUR_COLUMNS.filter((c) => !c.output).map((c) => c.id),
  Interactions: ["customerId", "date", "demandType"],
};

const INPUT_TABLES = Object.keys(NEEDED) as InputTable[];

/** The table the action cannot do without: a shell may start reading it before it knows the rest. */
export const SCORE_LEAD_TABLE: InputTable = "Customers";

/**
 * Where the template puts the lead table's needed columns (0-based): what a shell may read
 * before it knows the headers. Only a guess — the shell keeps what it read only when the real
 * headers put every needed column there (a table made by Insert template or Adopt my list).
 */
export const SCORE_LEAD_COLUMNS: readonly number[] = NEEDED[SCORE_LEAD_TABLE].map((id) => TABLES[SCORE_LEAD_TABLE].columns.findIndex((c) => c.id === id)).filter((i) => i >= 0);

function inputTable(name: string): InputTable | undefined {
  return INPUT_TABLES.find((t) => t.toLowerCase() === name.toLowerCase());
}

/** The table's columns the scoring reads, found the way the ledger maps headers (first occurrence wins). */
function neededColumns(id: InputTable, headers: readonly string[]): NeededColumn[] {
  const defs = TABLES[id].columns;
  const { byId } = mapHeaderRow(buildHeaderIndex(defs), headers);
  return NEEDED[id]
    .flatMap((c) => {
      const index = byId.get(c);
      const def = defs.find((d) => d.id === c);
      return index === undefined || !def ? [] : [{ index, def }];
    })
    .sort((a, b) => a.index - b.index);
}

/**
 * What Score and tier needs of each sheet, from the sheet and table names alone (a snapshot
 * whose values may be empty). Sheets holding only our input tables are read by column; our
 * Tiers and Summary sheets only by shape (they are rewritten whole; Summary's title in A1 says
 * it is ours); everything else (Settings, the change log, lists found by sheet name) in full.
 */
export function scoreAndTierNeeds(names: WorkbookSnapshot, lang: Lang): Map<string, SheetNeed> {
  const out = new Map<string, SheetNeed>();
  const wbLang = workbookLang(names, lang);
  const tiers = resolveSheetName(names, "tiers", wbLang);
  const summary = resolveSheetName(names, "summary", wbLang);
  for (const sheet of names.sheets) {
    const ids = sheet.tables.map((t) => inputTable(t.name));
    const onlyTiers = sheet.tables.every((t) => t.name.toLowerCase() === "tiers");
    if (sheet.tables.length > 0 && ids.every((id) => id !== undefined)) {
      const tables = sheet.tables.map((t, i) => ({ name: t.name, columns: neededColumns(ids[i] as InputTable, t.headers) }));
      // A sheet under the Summary's name is judged by its top-left cell, whatever it holds.
      out.set(sheet.name, { kind: "columns", tables, topLeft: sheet.name === summary });
    } else if ((sheet.name === tiers || sheet.name === summary) && onlyTiers) {
      out.set(sheet.name, { kind: "shape", topLeft: sheet.name === summary });
    } else {
      out.set(sheet.name, { kind: "all" });
    }
  }
  return out;
}
